from . import test_equipment_account
from . import test_account_security
from . import test_account_privacy
