"""18.0.2.1.0: each structure's QPV list is made of the names typed until now (their
official codes to be completed by a manager), and every beneficiary and place points to
its entry. A place shared by all structures takes the main company's list."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import column_exists

MODELS = {"inclusion.beneficiary": "inclusion_beneficiary", "inclusion.place": "inclusion_place"}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    main_company = env.ref("base.main_company")
    Qpv = env["inclusion.qpv"].with_context(active_test=False)
    for model, table in MODELS.items():
        if not column_exists(cr, table, "qpv_name_legacy"):
            continue
        cr.execute(
            SQL(
                """SELECT COALESCE(company_id, %s), trim(qpv_name_legacy), array_agg(id)
                     FROM %s
                    WHERE trim(COALESCE(qpv_name_legacy, '')) != ''
                    GROUP BY 1, 2""",
                main_company.id,
                SQL.identifier(table),
            )
        )
        for company_id, name, ids in cr.fetchall():
            qpv = Qpv.search([("company_id", "=", company_id), ("name", "=", name)], limit=1)
            qpv = qpv or Qpv.create({"company_id": company_id, "name": name})
            env[model].browse(ids).with_context(active_test=False).write({"qpv_id": qpv.id})
        cr.execute(SQL("ALTER TABLE %s DROP COLUMN qpv_name_legacy", SQL.identifier(table)))
