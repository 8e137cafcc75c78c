from . import ir_actions_report
from . import inclusion_export_job
