from . import inclusion_activity_figures
from . import inclusion_activity_report
from . import report_activity
from . import report_activity_xlsx
from . import report_national_export_xlsx
from . import report_programme
from . import report_programme_xlsx
from . import inclusion_activity_figures_public
