from . import test_equipment_candidate
from . import test_employee
