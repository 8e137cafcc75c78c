"""18.0.2.0.0: mediators and insertion advisers no longer manage contacts.

Their groups implied the contact-manager group until now; its users keep it unless
another of their groups still implies it (or they administrate the application)."""

from odoo import SUPERUSER_ID, Command, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    partner_manager = env.ref("base.group_partner_manager")
    inclusion_groups = env.ref("inclusion_numerique.group_mediator") | env.ref(
        "inclusion_numerique.group_insertion"
    )
    implying = (
        env["res.groups"]
        .search([])
        .filtered(lambda group: partner_manager in group.trans_implied_ids)
    )
    users = inclusion_groups.users - implying.users - env.ref("base.group_erp_manager").users
    partner_manager.write({"users": [Command.unlink(user.id) for user in users]})
