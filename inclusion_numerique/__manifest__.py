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
    "depends": ["hr", "hr_contract", "mail", "report_xlsx"],
    "external_dependencies": {"python": ["xlsxwriter", "phonenumbers"]},
    "data": [
        "security/inclusion_security.xml",
        "security/ir.model.access.csv",
        "views/menus.xml",
        "views/inclusion_beneficiary_views.xml",
        "views/res_config_settings_views.xml",
        "data/inclusion_reference_data.xml",
        "data/ir_cron_data.xml",
        "views/inclusion_support_views.xml",
        "views/inclusion_diagnostic_views.xml",
        "views/inclusion_reference_views.xml",
        "views/hr_employee_views.xml",
        "views/res_users_views.xml",
        "report/inclusion_workshop_reports.xml",
        "views/inclusion_workshop_views.xml",
        "views/inclusion_workshop_session_views.xml",
        "views/inclusion_workshop_registration_views.xml",
        "views/inclusion_attendance_views.xml",
        "wizard/inclusion_workshop_session_generate_views.xml",
        "report/inclusion_activity_reports.xml",
        "wizard/inclusion_activity_report_wizard_views.xml",
        "views/inclusion_activity_report_views.xml",
    ],
    "demo": [
        "demo/workshop_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "inclusion_numerique/static/tests/tours/*.js",
        ],
    },
}
