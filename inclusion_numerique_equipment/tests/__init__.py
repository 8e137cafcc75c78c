from . import test_equipment
from . import test_equipment_concurrency
from . import test_ui
from . import test_settings
from . import test_access_matrix
from . import test_equipment_privacy
from . import test_handover_receipt
