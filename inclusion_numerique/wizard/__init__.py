from . import inclusion_beneficiary_merge
from . import inclusion_beneficiary_access_export
