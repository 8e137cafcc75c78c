from . import inclusion_activity_report_wizard
from . import inclusion_dashboard
