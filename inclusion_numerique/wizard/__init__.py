from . import inclusion_beneficiary_merge
