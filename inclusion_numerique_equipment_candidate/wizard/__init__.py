from . import inclusion_equipment_candidate
