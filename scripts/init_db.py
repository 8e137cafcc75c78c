"""Make a freshly created database French: company in France in EUR, fr_FR for every user.

Run by scripts/common.sh after the modules are installed: python init_db.py -c CONF -d DB
"""

from odoo_env import superuser_env


def configure(env):
    euro = env.ref("base.EUR")
    euro.active = True
    company = env.ref("base.main_company")
    company.write({"country_id": env.ref("base.fr").id, "currency_id": euro.id})
    env["res.lang"]._activate_lang("fr_FR")
    users = env["res.users"].with_context(active_test=False).search([("share", "=", False)])
    users.write({"lang": "fr_FR", "tz": "Europe/Paris"})
    env["res.partner"].search([("lang", "=", "en_US")]).write({"lang": "fr_FR"})


def main():
    with superuser_env(__doc__) as env:
        configure(env)


if __name__ == "__main__":
    main()
