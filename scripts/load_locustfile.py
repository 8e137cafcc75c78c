"""make load: 30 staff of a structure at work, against Odoo on 127.0.0.1 (Locust, headless).

A tiny Locust user speaking JSON-RPC as the web client does (/web/session/authenticate,
then /web/dataset/call_kw with the session cookie). OdooLocust 2.0 targets Odoo 19's
/json/2 API (API keys) by default and otherwise the stateless /jsonrpc service, which
checks the password on every call and skips the web client's session and context: it
would not measure what the staff's browsers do.

Environment: LOAD_DB, LOAD_PLAN (JSON of scripts/load_prepare.py), LOAD_WRITES (JSON the
successful writes are saved to, checked afterwards by scripts/load_check.py).
"""

import itertools
import json
import os
import random

from locust import HttpUser, between, events, task
from locust.exception import StopUser

PLAN = json.load(open(os.environ["LOAD_PLAN"]))
DATABASE = os.environ["LOAD_DB"]
LOGINS = itertools.cycle(PLAN["logins"])
# Successful writes, by kind: checked against the database after the run.
WRITES = {"supports": [], "registrations": [], "sales": [], "refused_sales": 0}
# Refusals the application must give cleanly (not errors): a computer already sold.
REFUSALS = ("odoo.exceptions.UserError", "odoo.exceptions.ValidationError")


class RpcError(Exception):
    pass


class Staff(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        self.login = next(LOGINS)
        self.rpc_context = {"lang": "fr_FR", "tz": "Europe/Paris"}
        result = self._post(
            "login",
            "/web/session/authenticate",
            {"db": DATABASE, "login": self.login, "password": self.login},
        )
        if not result:
            raise StopUser()
        self.uid = result["uid"]
        self.rpc_context["allowed_company_ids"] = [result["user_companies"]["current_company"]]
        self.rng = random.Random(self.login)

    def _post(self, name, url, params, refusals=()):
        """JSON-RPC POST reported under `name`; returns the result, or None on an error
        (a refusal listed in `refusals` counts as a success: the application said no)."""
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
        with self.client.post(url, json=payload, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                return None
            body = response.json()
            error = body.get("error")
            if error:
                kind = error.get("data", {}).get("name", "")
                if kind in refusals:
                    response.success()
                    return RpcError(kind)
                response.failure(f"{kind}: {error.get('data', {}).get('message', '')[:200]}")
                return None
            response.success()
            return body["result"]

    def call(self, name, model, method, *args, refusals=(), **kwargs):
        return self._post(
            name,
            f"/web/dataset/call_kw/{model}/{method}",
            {
                "model": model,
                "method": method,
                "args": list(args),
                "kwargs": {"context": self.rpc_context, **kwargs},
            },
            refusals,
        )

    # ---- The day of a structure -------------------------------------------------------

    @task(4)
    def search_by_name(self):
        self.call(
            "search: beneficiary by name",
            "inclusion.beneficiary",
            "web_search_read",
            [("name", "ilike", f"Bénéficiaire {self.rng.randint(1, 9999)}")],
            specification={"name": {}, "city": {}, "birthdate": {}},
            limit=80,
        )

    @task(3)
    def beneficiary_list(self):
        self.call(
            "list: beneficiaries",
            "inclusion.beneficiary",
            "web_search_read",
            [],
            specification={"name": {}, "city": {}, "birthdate": {}, "social_status": {}},
            limit=80,
            count_limit=10001,
        )

    @task(3)
    def drop_in_visit(self):
        result = self.call(
            "entry: drop-in visit",
            "inclusion.support",
            "create",
            [
                {
                    "kind": "drop_in",
                    "beneficiary_id": self.rng.choice(PLAN["people"]),
                    "duration": 15,
                    "theme_ids": [(6, 0, [self.rng.choice(PLAN["themes"])])],
                }
            ],
        )
        if result:
            WRITES["supports"].extend(result)

    @task(2)
    def roll_call(self):
        session = self.rng.choice(PLAN["sessions"])
        lines = self.call(
            "list: roll call",
            "inclusion.attendance",
            "web_search_read",
            [("session_id", "=", session)],
            specification={"beneficiary_id": {"fields": {"display_name": {}}}, "state": {}},
        )
        if lines:
            # As the session form saves the roll call: one command per line.
            self.call(
                "entry: roll call marks",
                "inclusion.workshop.session",
                "write",
                [session],
                {
                    "attendance_ids": [
                        (1, line["id"], {"state": self.rng.choice(["present", "late", "absent"])})
                        for line in lines["records"]
                    ]
                },
            )

    @task(1)
    def register(self):
        workshop = self.rng.choice(PLAN["workshops"])
        person = self.rng.choice(PLAN["people"])
        result = self.call(
            "entry: registration (nearly full workshop)",
            "inclusion.workshop.registration",
            "create",
            [{"workshop_id": workshop, "beneficiary_id": person}],
            refusals=REFUSALS,
        )
        if result and not isinstance(result, RpcError):
            WRITES["registrations"].extend(result)

    @task(1)
    def sell_computer(self):
        if self.login not in PLAN["accountants"]:
            return
        result = self.call(
            "entry: €20 computer sale",
            "inclusion.equipment.handover",
            "create",
            [
                {
                    "equipment_id": self.rng.choice(PLAN["computers"]),
                    "beneficiary_id": self.rng.choice(PLAN["people"]),
                    "mode": "sold",
                    "price": 20,
                    "amount_received": 20,
                    "payment_method": "cash",
                }
            ],
            refusals=REFUSALS,
        )
        if isinstance(result, RpcError):
            WRITES["refused_sales"] += 1
        elif result:
            WRITES["sales"].extend(result)

    @task(2)
    def analysis(self):
        self.call(
            "analysis: activity by month",
            "inclusion.activity.report",
            "web_read_group",
            [("date", ">=", f"{PLAN['year']}-01-01"), ("date", "<=", f"{PLAN['year']}-12-31")],
            ["__count", "duration:sum"],
            ["date:month"],
            lazy=False,
        )

    @task(1)
    def yearly_report(self):
        if self.login not in PLAN["managers"]:
            return
        wizard = self.call(
            "report: yearly report (wizard)",
            "inclusion.activity.report.wizard",
            "create",
            [{"date_from": f"{PLAN['year']}-01-01", "date_to": f"{PLAN['year']}-12-31"}],
        )
        if wizard:
            with self.client.get(
                f"/report/xlsx/inclusion_numerique.report_activity_xlsx/{wizard[0]}",
                name="report: yearly report (XLSX)",
                catch_response=True,
            ) as response:
                if response.status_code != 200 or not response.content.startswith(b"PK"):
                    response.failure(f"HTTP {response.status_code}")


@events.test_stop.add_listener
def save_writes(**_kwargs):
    with open(os.environ["LOAD_WRITES"], "w") as file:
        json.dump(WRITES, file)
