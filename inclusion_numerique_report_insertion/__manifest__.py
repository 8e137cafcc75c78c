# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Insertion reports",
    "summary": "Insertion entries, exits and training hours in the yearly report",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "auto_install": True,
    "depends": ["inclusion_numerique_report", "inclusion_numerique_insertion"],
    "data": [
        "report/insertion_dialogue_reports.xml",
        "wizard/inclusion_activity_report_wizard_views.xml",
    ],
}
