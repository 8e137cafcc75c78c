from . import inclusion_equipment_handover_cancel
from . import inclusion_equipment_candidate
from . import inclusion_workshop_session_generate
