# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Computer candidates",
    "summary": "Proposes workshop learners and insertion employees for a donated computer",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "auto_install": True,
    "depends": [
        "inclusion_numerique_equipment",
        "inclusion_numerique_workshop",
        "inclusion_numerique_insertion",
    ],
    "data": [
        "security/ir.model.access.csv",
        "wizard/inclusion_equipment_candidate_views.xml",
    ],
}
