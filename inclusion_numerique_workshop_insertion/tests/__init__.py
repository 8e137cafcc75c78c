from . import test_workshop_scope
from . import test_training_work_entries
