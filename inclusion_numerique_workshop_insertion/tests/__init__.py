from . import test_workshop_scope
