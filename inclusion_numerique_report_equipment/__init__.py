from . import wizard
from . import report
