# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Equipment reports",
    "summary": "Equipment figures in the yearly report and the sales export (XLSX)",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "auto_install": True,
    "depends": ["inclusion_numerique_report", "inclusion_numerique_equipment"],
    "data": [
        "report/equipment_sales_reports.xml",
        "report/equipment_sales_export_actions.xml",
    ],
}
