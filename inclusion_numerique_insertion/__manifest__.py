# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Insertion",
    "summary": "Insertion contracts, PASS IAE, eligibility and exits of insertion employees",
    "version": "18.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "depends": ["inclusion_numerique", "hr_contract"],
    "data": [
        "security/inclusion_numerique_insertion_security.xml",
        "security/ir.model.access.csv",
        "data/inclusion_work_activity_data.xml",
        "data/inclusion_eligibility_criterion_data.xml",
        "data/inclusion_exit_reason_data.xml",
        "data/ir_cron_data.xml",
        "views/menus.xml",
        "views/hr_contract_views.xml",
        "views/inclusion_pass_iae_views.xml",
        "views/hr_employee_views.xml",
        "views/inclusion_work_activity_views.xml",
        "views/inclusion_eligibility_criterion_views.xml",
        "views/inclusion_exit_reason_views.xml",
        "wizard/inclusion_exit_wizard_views.xml",
        "views/inclusion_insertion_report_views.xml",
    ],
    "demo": [
        "demo/insertion_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "inclusion_numerique_insertion/static/tests/tours/*.js",
        ],
    },
}
