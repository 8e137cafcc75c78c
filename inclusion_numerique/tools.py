# Local time of French structures, when a record gives no time zone of its own.
DEFAULT_TZ = "Europe/Paris"
