"""The logic of the built-in rules, one module per category.

Which class checks which rule is data: each rule's `logic` in the rule catalogue
(rules/catalog/<category>.toml), loaded when the rule first checks a draft, so that a run
imports the modules of the rules it runs and no others (`tglint.catalog`).

Codes by category: TG1xx subject, TG2xx routing, TG30x account-info, TG32x
device-info, TG4xx phone, TG50x secret, TG55x pii, TG6xx tone, TG70x
mixed-issues, TG71x details, TG80x attachment.
"""
