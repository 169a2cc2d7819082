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


// The same parent, in words any language can look up.
export const PARENT_ANYWHERE = {
  date_of_birth: { fill: ago({ years: 10, months: 2 }) },
  sex: { option: 'female' },
  pregnant: { no: true },
  height: { fill: '140', unit: 'cm' },
  daily_activity: { option: 'light_work_only' },
  sle_diagnosed: { yes: true },
  lupus_medicines: { medicines: [
    { drug: 'glucocorticoids', months: 18 },
    { drug: 'hydroxychloroquine', months: 18 },
    { drug: 'mycophenolate', months: 12 },
    { drug: 'tacrolimus', months: 7, sideEffects: false },
  ] },
  high_dose_steroid_3_months: { yes: true },
  lupus_still_active: { yes: true },
  prior_car_t: { no: true },
  other_trial_last_3_months: { no: true },
  biopsy_done: { yes: true },
  biopsy_date: { fill: ago({ months: 3 }, true) },
  proteinuria_persists: { yes: true },
  kidney_transplant: { no: true },
  dialysis_last_3_months: { no: true },
  infection_uncontrolled: { no: true },
  hepatitis_b: { no: true }, hepatitis_c: { no: true }, hiv: { no: true }, syphilis: { no: true },
  cancer_last_5_years: { no: true }, severe_drug_allergy: { no: true }, severe_brain_or_mental_illness: { no: true },
  biopsy_class: { check: ['IV'] },
  lab_report: { yes: true },
  // A Vietnamese lab report writes a decimal comma.
  lab_panel: { creatinine: ['0,6', 'mg/dL'] },
};

// A woman of 32 with lupus that three medicines did not control, no kidney
// involvement, answering for herself without a lab report.
export const WOMAN = {
  date_of_birth: { fill: ago({ years: 32, months: 7 }) },
  sex: 'Female', pregnant: 'No', breastfeeding: 'No',
  daily_activity: 'Can do light activity or school work, not hard physical activity',
  sle_diagnosed: 'Yes', lupus_still_active: 'Yes', high_dose_steroid_3_months: 'Yes',
  treatment_limited_by_side_effects: 'No', biopsy_done: 'No', proteinuria_persists: 'No',
  lupus_medicines: { medicines: [
    { drug: 'glucocorticoids', months: 36 }, { drug: 'hydroxychloroquine', months: 36 },
    { drug: 'mycophenolate', months: 14 }, { drug: 'tacrolimus', months: 8 }, { drug: 'belimumab', months: 7 },
  ] },
  prior_car_t: 'No', other_trial_last_3_months: 'No', kidney_transplant: 'No', dialysis_last_3_months: 'No',
  infection_uncontrolled: 'No', hepatitis_b: 'No', hepatitis_c: 'No', hiv: 'No', syphilis: 'No',
  cancer_last_5_years: 'No', severe_drug_allergy: 'No', severe_brain_or_mental_illness: 'No',
  lab_report: 'No',
};

// The same woman, in words any language can look up.
export const WOMAN_ANYWHERE = Object.fromEntries(Object.entries(WOMAN).map(([id, how]) => {
  if (how === 'Yes') return [id, { yes: true }];
  if (how === 'No') return [id, { no: true }];
  if (id === 'sex') return [id, { option: 'female' }];
  if (id === 'daily_activity') return [id, { option: 'light_work_only' }];
  return [id, how];
}));
