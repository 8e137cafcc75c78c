from . import inclusion_equipment_handover_cancel
from . import inclusion_equipment_candidate
from . import inclusion_workshop_session_generate
from . import inclusion_beneficiary_merge
from . import inclusion_exit_wizard
from . import inclusion_activity_report_wizard
