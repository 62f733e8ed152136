/**
 * Words shown around the result: disclaimers (brief §1(e)), labels, method and limitations.
 * Written in this project's own words.
 */
import type { TContentInput } from './schema';

export const disclaimers: TContentInput['disclaimers'] = {
  banner:
    'For licensed clinicians. Educational decision support only — not medical advice, not a diagnosis, and not for urgent or time-critical decisions.',
  beforeResults:
    'This summary maps your answers to the physiological categories described in published literature, including one consumer health article. It lists options for you to weigh; it does not diagnose and it does not recommend surgery. The treating clinician remains responsible for every decision.',
  dbs: 'What follows describes what the literature discusses; it is not a recommendation. Decisions about deep brain stimulation need assessment by a specialist multidisciplinary team.',
  redFlags:
    'These answers suggest a possibly reversible or urgent cause. Look for it first. Any category is provisional, and no deep brain stimulation target is discussed.',
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
    'Everything you enter stays in this browser tab. Nothing is sent to a server; progress is kept in this tab’s session storage until you start again or close it.',
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
    mimic: 'The movements may not be myoclonus (a mimic was found), so no deep brain stimulation target is discussed.',
    red_flags: 'A red flag is present: a reversible or urgent cause comes first, so no deep brain stimulation target is discussed.',
    diagnosis_conflict: 'The established diagnosis conflicts with the findings: reconcile them before any deep brain stimulation target is discussed.',
    not_refractory: 'The myoclonus is recorded as not refractory to adequate medical treatment. Surgery is not a first-line treatment, so no deep brain stimulation target is discussed.',
  },
  targets: {
    GPi: 'internal globus pallidus (GPi)',
    SNr: 'substantia nigra pars reticulata (SNr)',
    STN: 'subthalamic nucleus (STN)',
  },
  indeterminateReasons: {
    red_flags: 'A red flag is present. Reversible or urgent causes come first, so any category is provisional.',
    low_top_score: 'No category reaches the minimum score of 4.',
    narrow_lead: 'The leading category is less than 2 points ahead of the next one.',
    thin_evidence: 'Fewer than 4 answers discriminate between the categories, and no neurophysiology was entered.',
    conflicting_neurophysiology:
      'The neurophysiological findings conflict: they point to more than one category (as can happen in progressive myoclonus epilepsy and post-hypoxic myoclonus), or a definitive finding stands beside a sign of functional jerks.',
  },
};

export const method: string[] = [
  'The questions follow the published diagnostic approach: confirm that the movements are myoclonus, screen first for acquired, reversible or urgent causes, then define the anatomical subtype, then syndromes and genetic causes (Zutt 2015; Caviness & Brown 2004; Kojovic 2011).',
  'Each answer adds points for or against each physiological category: +2 for strong evidence, +1 for moderate evidence, −1 against, and +4 for definitive neurophysiology. Answers that describe one picture count once: distal, hand and independent multifocal jerks are one cortical distribution; presence at rest and persistence in sleep are one feature. Every rule names its sources.',
  'Neurophysiology is the reference standard: a definitive finding decides the lead, whatever the sum of bedside signs, as long as the other findings are compatible with it and its category still reaches the minimum score. Findings with no category in common (such as cortical signs with a brainstem recruitment pattern after hypoxia) make the result indeterminate; so do findings that exclude the category the bedside signs favour when no definitive finding decides.',
  'Otherwise the result is “indeterminate” rather than a guess when the leading score is too low, when its lead over the next category is too narrow, or when too few answers discriminate and no neurophysiology was entered.',
  'A mimic (tics, functional or physiological jerks, tremor, dystonia, chorea) takes precedence over the categories, never over red flags: every red flag the answers raise is shown, with or without a mimic, and makes any category provisional. Physiological (hypnic) jerks are concluded only in an otherwise healthy person, as single jerks on falling asleep: beside a red flag, neurological findings, jerks awake, stimulus-sensitive or persisting in sleep, a progressive course, an established diagnosis, cortical neurophysiology, or safety questions left unanswered, they are set aside. Answers set aside by a later change (a mimic in the first section, say) are not assessed, but any red flag they raise is still shown.',
  'The deep brain stimulation discussion follows the diagnosis you have established (question D1); the computed category never chooses a target. It is withheld under a mimic, a red flag, a diagnosis the findings contradict (for myoclonus-dystonia, also a result that keeps no subcortical-nonsegmental category open), or myoclonus recorded as not refractory to medical treatment; when refractoriness is not recorded, that is said first.',
  'Questions left as “Unknown / not assessed” add nothing. Where one could have changed the result, it is listed with the test that would answer it; with negative myoclonus (asterixis), drugs and metabolic causes are asked for first.',
];

export const limitations: string[] = [
  'The content is a research draft awaiting review by a neurologist with movement-disorders expertise. It has been checked against reference vignettes, not validated prospectively on patients.',
  'Weights and thresholds follow a literature brief’s proposal; they are not derived from patient data.',
  'Bedside features often cannot separate the categories; neurophysiology is the reference standard.',
  'Evidence on deep brain stimulation for myoclonus comes from case reports and small series; there are no randomised trials.',
  'One of the sources is a consumer health article with factual errors; where it is wrong, the tool shows the corrected statement and says so.',
  'Some details in the literature brief are marked as background knowledge still to be verified; the sources page shows each source’s verification level.',
];
