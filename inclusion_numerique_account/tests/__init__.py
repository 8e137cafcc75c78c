from . import test_equipment_account
