# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Workshops",
    "summary": "Workshop cycles, sessions, registrations, roll call and certificates",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "depends": ["inclusion_numerique"],
    "data": [
        "security/inclusion_numerique_workshop_security.xml",
        "security/ir.model.access.csv",
        "views/menus.xml",
        "report/inclusion_workshop_reports.xml",
        "views/inclusion_workshop_views.xml",
        "views/inclusion_workshop_session_views.xml",
        "views/inclusion_workshop_registration_views.xml",
        "views/inclusion_attendance_views.xml",
        "views/inclusion_diagnostic_views.xml",
        "wizard/inclusion_workshop_session_generate_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/workshop_demo.xml",
        "demo/workshop_bge_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "inclusion_numerique_workshop/static/src/scss/roll_call.scss",
        ],
        "web.assets_tests": [
            "inclusion_numerique_workshop/static/tests/tours/*.js",
        ],
    },
}
