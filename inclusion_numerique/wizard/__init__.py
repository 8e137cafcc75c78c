from . import inclusion_equipment_handover_cancel
from . import inclusion_equipment_candidate
