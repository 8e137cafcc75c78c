# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion",
    "summary": "Beneficiaries, support sessions, workshops, insertion contracts "
    "and donated equipment for French social structures",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": ["hr", "hr_contract", "mail"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/inclusion_security.xml",
        "security/ir.model.access.csv",
        "views/menus.xml",
        "views/inclusion_beneficiary_views.xml",
        "views/res_config_settings_views.xml",
        "data/inclusion_work_activity_data.xml",
        "data/inclusion_eligibility_criterion_data.xml",
        "data/inclusion_exit_reason_data.xml",
        "data/ir_cron_data.xml",
        "views/hr_contract_views.xml",
        "views/inclusion_pass_iae_views.xml",
        "views/hr_employee_insertion_views.xml",
        "views/inclusion_work_activity_views.xml",
        "views/inclusion_eligibility_criterion_views.xml",
        "views/inclusion_exit_reason_views.xml",
        "wizard/inclusion_exit_wizard_views.xml",
        "report/inclusion_insertion_report_views.xml",
    ],
    "demo": [
        "demo/insertion_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "inclusion_numerique/static/tests/tours/*.js",
        ],
    },
}
