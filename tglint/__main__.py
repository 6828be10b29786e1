from __future__ import annotations

from tglint.cli import main

raise SystemExit(main())
