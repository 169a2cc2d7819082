// People whose stories the end-to-end tests tell.
import { ago } from './questionnaire.mjs';

// A parent of a 10-year-old with class IV lupus nephritis, who knows her
// child's history but has no lab report at hand.
export const PARENT = {
  date_of_birth: { fill: ago({ years: 10, months: 2 }) },
  sex: 'Female',
  pregnant: 'No',
  height: { fill: '140', unit: 'cm' },
  daily_activity: 'Can do light activity or school work, not hard physical activity',
  sle_diagnosed: 'Yes',
  lupus_medicines: { medicines: [
    { name: 'Steroids (prednisone, prednisolone, methylprednisolone)', months: 18 },
    { name: 'Hydroxychloroquine (Plaquenil)', months: 18 },
    { name: 'Mycophenolate (CellCept, Myfortic)', months: 12 },
    { name: 'Tacrolimus', months: 7, sideEffects: false },
  ] },
  high_dose_steroid_3_months: 'Yes',
  lupus_still_active: 'Yes',
  prior_car_t: 'No',
  other_trial_last_3_months: 'No',
  biopsy_done: 'Yes',
  biopsy_date: { fill: ago({ months: 3 }, true) },
  proteinuria_persists: 'Yes',
  kidney_transplant: 'No',
  dialysis_last_3_months: 'No',
  infection_uncontrolled: 'No',
  hepatitis_b: 'No', hepatitis_c: 'No', hiv: 'No', syphilis: 'No',
  cancer_last_5_years: 'No', severe_drug_allergy: 'No', severe_brain_or_mental_illness: 'No',
  biopsy_class: { check: ['Class IV'] },
  lab_report: 'No',
};

