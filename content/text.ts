/**
 * Words shown around the result: disclaimers (brief §1(e)), labels, method and limitations.
 * Written in this project's own words.
 */
import type { TContentInput } from './schema';

export const disclaimers: TContentInput['disclaimers'] = {
  banner:
    'For licensed clinicians. Educational decision support only — not medical advice, not a diagnosis, and not for urgent or time-critical decisions.',
  beforeResults:
    'The assessment maps your answers to the physiological categories described in published literature, including one consumer health article. It lists options for you to weigh; it does not diagnose and it does not recommend surgery. The treating clinician remains responsible for every decision.',
  dbs: 'What follows describes what the literature discusses; it is not a recommendation. Decisions about deep brain stimulation need assessment by a specialist multidisciplinary team.',
  redFlags:
    'These answers suggest a possibly reversible or urgent cause: look for it and treat it first. What to do first is given with each red flag. Any category is provisional until the red flags are assessed.',
  intendedUse:
    'Myoclonus Navigator helps a clinician organise the bedside and neurophysiological features of a patient’s jerks, see which physiological category of myoclonus they fit in the published literature, and read what that literature says about deep brain stimulation for two established diagnoses.',
  notFor: [
    'patients or the public',
    'urgent or time-critical decisions (for example a comatose patient after cardiac arrest)',
    'making a diagnosis or choosing a treatment without a clinician’s own judgement',
    'interpreting raw EMG, EEG, video or imaging: enter the interpreted findings only',
  ],
  attestation:
    'I am a licensed clinician, or a trainee under supervision, and I understand that this tool is educational decision support and not medical advice.',
  privacy:
    'Everything you enter stays in this browser tab. Nothing is sent to a server — except, when the app was opened from a patient’s record, to that record and only when you choose “Save to the record”. Progress is kept in this tab’s session storage until you start again or close it.',
};

export const labels: TContentInput['labels'] = {
  categories: {
    cortical: { name: 'Cortical', generator: 'Sensorimotor cortex' },
    'cortical-subcortical': {
      name: 'Cortical-subcortical',
      generator: 'Paroxysmal (epileptic) oscillation between cortex and thalamus, with generalized discharges',
    },
    'subcortical-nonsegmental': {
      name: 'Subcortical-nonsegmental',
      generator: 'Brainstem, basal ganglia (pallidum), thalamus and their circuits',
    },
    segmental: { name: 'Segmental', generator: 'One or a few adjacent segments of the brainstem or spinal cord' },
    peripheral: { name: 'Peripheral', generator: 'A nerve, plexus or root' },
  },
  mimics: {
    tics: 'Tics',
    functional: 'Possible functional jerks',
    physiological: 'Physiological (hypnic) jerks',
    tremor: 'Tremor',
    dystonia: 'Dystonia',
    chorea: 'Chorea',
  },
  redFlags: {
    acute_or_subacute_onset: 'Acute or subacute onset',
    drug_induced: 'Possible drug-induced myoclonus',
    metabolic: 'Metabolic disturbance',
    acute_post_hypoxic: 'Acute post-hypoxic myoclonus',
    infection_autoimmune_paraneoplastic: 'Infectious, autoimmune or paraneoplastic context',
    rapidly_progressive_dementia: 'Rapidly progressive dementia',
    new_focal_or_spinal_signs: 'New focal or spinal cord signs',
    reduced_consciousness: 'Reduced consciousness',
    child_with_regression: 'Child with regression, cognitive decline or failing vision',
  },
  warnings: {
    diagnosis_conflicts_with_findings: 'The established diagnosis conflicts with the findings',
  },
  dbsBlocks: {
    gate_incomplete: 'The first section (jerks or lapses, no premonitory urge, no functional features) is not fully answered: that the movements are myoclonus is not established.',
    mimic: 'The movements may not be myoclonus (a mimic was found).',
    safety_screen_incomplete: 'The safety screen (onset, course, associated features, context) is not fully answered: a reversible or urgent cause is not excluded.',
    red_flags: 'A red flag is present: a reversible or urgent cause comes first.',
    diagnosis_conflict: 'The established diagnosis conflicts with the findings: reconcile them first.',
    findings_incomplete: 'Findings that could contradict the diagnosis are left unknown: the diagnosis is not established as consistent with them.',
    pme_subtype_not_recorded: 'The kind of progressive myoclonus epilepsy is not recorded: no deep brain stimulation is reported in neuronal ceroid lipofuscinosis or Lafora disease.',
    no_reports_in_disease: 'No deep brain stimulation is reported in neuronal ceroid lipofuscinosis or Lafora disease; disease-specific care comes first.',
    not_refractory: 'The myoclonus is recorded as not refractory to adequate medical treatment, and surgery is not a first-line treatment.',
    refractoriness_not_established: 'It is not recorded that the myoclonus is disabling and refractory to adequate medical treatment: the literature discusses deep brain stimulation only then, and surgery is not a first-line treatment.',
  },
  reassuranceBlocks: {
    jerks_not_only_positive: 'the movements are not recorded as positive jerks only (negative myoclonus is never physiological)',
    gate_incomplete: 'a premonitory urge or functional features are not recorded as absent',
    safety_screen_incomplete: 'the safety screen (onset, course, associated features, context) is not fully answered',
    red_flags: 'a red flag is present',
    course_not_static: 'the course is not recorded as static or improving',
    associated_features: 'associated features are not recorded as none',
    context_of_onset: 'the context of onset (drugs, metabolic, hypoxia, infection, lesion) is not recorded as none',
    awake_at_rest_or_on_action: 'jerks awake at rest or on action are not recorded as absent',
    stimulus_sensitive: 'stimulus sensitivity is not recorded as absent',
    persists_in_sleep: 'jerks persisting in sleep are not recorded as absent',
    distribution_not_generalized: 'the distribution is not recorded as generalized (focal, multifocal or segmental jerks are pathological)',
    established_diagnosis: 'no established diagnosis is not recorded as none',
    neurophysiology: 'neurophysiology is not recorded as not done or unremarkable',
  },
  safetyScreen: {
    red_flags: 'Red flags are raised: a mimic never explains them away.',
    clear: 'Safety screen answered: no red flag.',
    incomplete: 'Safety screen not completed: a mimic does not exclude a reversible cause.',
  },
  targets: {
    GPi: 'internal globus pallidus (GPi)',
    SNr: 'substantia nigra pars reticulata (SNr)',
    // The PME route's second target is the STN/SNr border, not the STN proper (question bank 1.2).
    STN: 'the STN/SNr border (subthalamic nucleus and substantia nigra)',
  },
  indeterminateReasons: {
    red_flags: 'A red flag is present. Reversible or urgent causes come first, so any category is provisional.',
    low_top_score: 'No category reaches the minimum score of 4.',
    narrow_lead: 'The leading category is less than 2 points ahead of the next one.',
    thin_evidence: 'Fewer than 4 answers discriminate between the categories, and no neurophysiology was entered.',
    conflicting_neurophysiology:
      'The findings conflict: the neurophysiology points to more than one category (as can happen in progressive myoclonus epilepsy and post-hypoxic myoclonus), or a definitive finding of a generator stands beside a sign of functional jerks or a description of tremor.',
    cortical_not_excluded:
      'Focal jerks of the hand or face with seizures or a cortical sign may be epilepsia partialis continua: without neurophysiology, a cortical generator cannot be excluded.',
    mixed_hallmarks:
      'Without neurophysiology to support it, the leading category is not decided while an answer is a hallmark of another category.',
  },
};

export const method: string[] = [
  'The questions follow the published diagnostic approach: confirm that the movements are myoclonus, screen for acquired, reversible or urgent causes, then define the anatomical subtype, then syndromes and genetic causes (Zutt 2015; Caviness & Brown 2004; Kojovic 2011). The safety screen (onset, course, associated features, context) is asked after every answer to the first section, a movement that mimics myoclonus included.',
  'Each answer adds points for or against each physiological category: +2 for strong evidence, +1 for moderate evidence, −1 against, and +4 for definitive neurophysiology. Answers that describe one picture count once: distal, hand and independent multifocal jerks are one cortical distribution; presence at rest and persistence in sleep are one feature. Every rule names its sources.',
  'Neurophysiology is the reference standard: a definitive finding decides the lead, whatever the sum of bedside signs, as long as the other findings are compatible with it and its category still reaches the minimum score. Findings with no category in common (such as cortical signs with a brainstem recruitment pattern after hypoxia) make the result indeterminate; so do findings that exclude the category the bedside signs favour when no definitive finding decides.',
  'Otherwise the result is “indeterminate” rather than a guess when the leading score is too low, when its lead over the next category is too narrow, when too few answers discriminate and no neurophysiology was entered, when an answer is the bedside hallmark of another category and no neurophysiology supports the leader, or when focal jerks of the hand or face with seizures or a cortical sign leave epilepsia partialis continua open.',
  'A mimic (tics, functional or physiological jerks, tremor, dystonia, chorea) takes precedence over the categories, never over red flags: every red flag the answers raise is shown, with or without a mimic, and makes any category provisional. Under a mimic the result says whether red flags are raised, the safety screen was answered with none, or it was not completed. Definitive cortical neurophysiology beside a description of tremor, or beside a Bereitschaftspotential, sets the mimic aside as conflicting.',
  'Doors that could lead you to act open only when each of their preconditions is answered, never because nothing argues against them: an unknown answer never opens one. Physiological (hypnic) jerks are concluded only when the jerks are positive, the safety screen is answered with nothing pathological, and jerks awake, stimulus-sensitive, persisting in sleep, focal or multifocal, an established diagnosis and abnormal neurophysiology are each recorded as absent. “Go to the summary” is offered only once the first section and the safety screen are answered and no open answer can change the result.',
  'The deep brain stimulation discussion follows the diagnosis you record as established; the computed category never chooses a target. The targets are listed only when the first section is answered for myoclonus, the safety screen is answered with no red flag, no finding contradicts the diagnosis and none left unknown could, the kind of progressive myoclonus epilepsy is recorded (none is reported for neuronal ceroid lipofuscinosis or Lafora disease), and the myoclonus is recorded as disabling and refractory to adequate medical treatment. Otherwise the page names every condition not met.',
  'Questions left as “Unknown / not assessed” add nothing. Where one could have changed the result, it is listed with the test that would answer it; with negative myoclonus (asterixis), drugs and metabolic causes are asked for first. A diagnosis is never proposed only because it would raise a warning.',
];

export const limitations: string[] = [
  'The content is a research draft that no neurologist with movement-disorders expertise has yet checked. It has been tested against reference vignettes, not validated prospectively on patients.',
  'Weights and thresholds follow a literature brief’s proposal; they are not derived from patient data.',
  'Bedside features often cannot separate the categories; neurophysiology is the reference standard.',
  'Evidence on deep brain stimulation for myoclonus comes from case reports and small series; there are no randomised trials.',
  'One of the sources is a consumer health article with factual errors; where it is wrong, the tool shows the corrected statement and says so.',
  'Some details in the literature brief are marked as background knowledge still to be verified; the sources page shows each source’s verification level.',
];
