# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Reports",
    "summary": "Activity analysis, yearly report for funders (PDF, XLSX) and national export",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "depends": ["inclusion_numerique_workshop", "report_xlsx", "mail"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/inclusion_numerique_report_security.xml",
        "security/ir.model.access.csv",
        "data/inclusion_export_job_data.xml",
        "report/inclusion_activity_reports.xml",
        "wizard/inclusion_activity_report_wizard_views.xml",
        "views/inclusion_activity_report_views.xml",
        "wizard/inclusion_dashboard_views.xml",
        "views/inclusion_export_job_views.xml",
    ],
}
