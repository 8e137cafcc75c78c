from . import test_foundation
from . import test_ui
from . import test_equipment
from . import test_equipment_candidate
from . import test_equipment_concurrency
from . import test_workshop
from . import test_workshop_concurrency
