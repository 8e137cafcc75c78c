from . import test_reports
from . import test_export_job
from . import test_report_privacy
from . import test_documents
