# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion",
    "summary": "Beneficiaries, support sessions and digital diagnostics for French soc"
    "ial structures",
    "version": "18.0.2.1.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": ["hr", "mail"],
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [
        "security/inclusion_security.xml",
        "security/ir.model.access.csv",
        "report/report_layout_templates.xml",
        "views/menus.xml",
        "views/inclusion_beneficiary_views.xml",
        "views/res_config_settings_views.xml",
        "data/inclusion_reference_data.xml",
        "data/ir_cron_data.xml",
        "views/inclusion_support_views.xml",
        "views/inclusion_open_access_views.xml",
        "views/inclusion_coordination_views.xml",
        "views/inclusion_diagnostic_views.xml",
        "views/inclusion_reference_views.xml",
        "views/hr_employee_views.xml",
        "views/res_users_views.xml",
        "wizard/inclusion_beneficiary_merge_views.xml",
        "wizard/inclusion_beneficiary_access_export_views.xml",
        "views/inclusion_privacy_log_views.xml",
        "report/inclusion_privacy_reports.xml",
    ],
    "demo": [
        "demo/company_demo.xml",
        "demo/beneficiary_demo.xml",
        "demo/support_demo.xml",
        "demo/programme_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "inclusion_numerique/static/src/scss/desk.scss",
            "inclusion_numerique/static/src/views/*",
        ],
        "web.assets_tests": [
            "inclusion_numerique/static/tests/tours/*.js",
        ],
    },
}
