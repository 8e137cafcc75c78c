"""make load, before the run: the staff who log in and what they work on, in a copy of the
benchmark database. Writes the plan (logins, ids) as JSON for the Locust file.

python load_prepare.py -c CONF -d DB --plan FILE
"""

import json
from datetime import date, datetime, timedelta

from odoo_env import parse_args, superuser_env

STAFF = 30
MANAGERS = 3  # the last ones: they also open the analysis and the yearly report
ACCOUNTANTS = 6  # the first ones: they also sell computers
WORKSHOPS, SEATS, TAKEN = 10, 20, 17  # nearly full workshops
COMPUTERS = 5  # the same few computers everybody tries to sell


def prepare(env):
    ref = env.ref
    groups = {
        "mediator": ref("inclusion_numerique.group_mediator"),
        "accounting": ref("inclusion_numerique.group_equipment_accounting"),
        "manager": ref("inclusion_numerique.group_manager"),
    }
    users = env["res.users"]
    for index in range(1, STAFF + 1):
        login = f"load_staff_{index:02d}"
        roles = ["mediator"]
        roles += ["accounting"] if index <= ACCOUNTANTS else []
        roles += ["manager"] if index > STAFF - MANAGERS else []
        users |= users.create(
            {
                "name": f"Équipe {index:02d}",
                "login": login,
                "password": login,
                "tz": "Europe/Paris",
                "lang": "fr_FR",
                "groups_id": [(4, groups[role].id) for role in roles],
            }
        )
    people = env["inclusion.beneficiary"].search([], order="id", limit=WORKSHOPS * TAKEN + 500)
    start = datetime.combine(date.today() + timedelta(days=7), datetime.min.time())
    workshops = env["inclusion.workshop"].create(
        [
            {
                "name": f"Atelier presque complet {index}",
                "capacity": SEATS,
                "user_id": users[index % STAFF].id,
                "session_ids": [
                    (
                        0,
                        0,
                        {
                            "date_begin": start + timedelta(days=index, hours=9),
                            "date_end": start + timedelta(days=index, hours=11),
                        },
                    )
                ],
            }
            for index in range(WORKSHOPS)
        ]
    )
    workshops.write({"state": "open"})
    env["inclusion.workshop.registration"].create(
        [
            {"workshop_id": workshop.id, "beneficiary_id": person.id}
            for index, workshop in enumerate(workshops)
            for person in people[index * TAKEN : (index + 1) * TAKEN]
        ]
    )
    computers = env["inclusion.equipment"].create(
        [
            {
                "model_name": f"ThinkPad {index}",
                "serial_number": f"LOAD-{index}",
                "brand": "Lenovo",
                "state": "ready",
            }
            for index in range(COMPUTERS)
        ]
    )
    env.flush_all()
    return {
        "logins": users.mapped("login"),
        "managers": users[-MANAGERS:].mapped("login"),
        "accountants": users[:ACCOUNTANTS].mapped("login"),
        "workshops": workshops.ids,
        "sessions": workshops.session_ids.ids,
        "computers": computers.ids,
        "people": people[WORKSHOPS * TAKEN :].ids,
        "themes": env["inclusion.theme"].search([("kind", "=", "digital")]).ids,
        "year": 2025,
    }


def main():
    args = parse_args(__doc__, lambda parser: parser.add_argument("--plan", required=True))
    with superuser_env(__doc__, {"tz": "Europe/Paris"}, args) as env:
        plan = prepare(env)
    with open(args.plan, "w") as file:
        json.dump(plan, file)
    print(
        f"  {len(plan['logins'])} staff, {len(plan['workshops'])} workshops with "
        f"{TAKEN}/{SEATS} seats taken, {len(plan['computers'])} computers for sale"
    )


if __name__ == "__main__":
    main()
