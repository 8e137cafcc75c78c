from . import inclusion_activity_figures
from . import inclusion_export_job
from . import inclusion_equipment_handover
