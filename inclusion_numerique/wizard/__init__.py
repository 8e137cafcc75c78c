from . import inclusion_workshop_session_generate
from . import inclusion_activity_report_wizard
