from . import test_reports
from . import test_export_job
from . import test_report_privacy
from . import test_documents
from . import test_programme_report
from . import test_public_figures
from . import test_demo_cases
from . import test_national_export_layout
