/**
 * Sections and questions. Ids and option ids are the question bank's contract and never change
 * meaning; the wording is ours. Order matters: it is the order of the questionnaire.
 */
import type { TCondition, TContentInput } from './schema';

type SectionInput = TContentInput['sections'][number];
type QuestionInput = TContentInput['questions'][number];

/**
 * A mimic answer in section G closes the bedside sections (A, B) and the diagnoses (D), never the
 * safety screen (C), which can still raise red flags (question bank 1.2, "Branching").
 */
export const gateMimic: TCondition = {
  any: [
    {
      question: 'G1',
      op: 'in',
      value: ['sustained_twisting_postures_only', 'regular_oscillation_only', 'continuous_flowing_random'],
    },
    { question: 'G2', op: 'is', value: 'yes' },
    { question: 'G3', op: 'is', value: 'present' },
  ],
};

const afterGate: TCondition = { not: gateMimic };

/**
 * Neurophysiology stays open after a "tremor" answer: a cortical tremor or asterixis called tremor is
 * myoclonus on polygraphy (question bank 1.2). Written flat, as FHIR enableWhen must be: closed by the
 * other mimic answers, so a tremor answer given with a tic or functional answer closes it too.
 */
const neurophysiologyOpen: TCondition = {
  not: {
    any: [
      { question: 'G1', op: 'in', value: ['sustained_twisting_postures_only', 'continuous_flowing_random'] },
      { question: 'G2', op: 'is', value: 'yes' },
      { question: 'G3', op: 'is', value: 'present' },
    ],
  },
};

export const sections: SectionInput[] = [
  {
    id: 'G',
    title: 'Is this myoclonus?',
    intro: 'First, rule out movements that only look like myoclonus.',
  },
  {
    id: 'C',
    title: 'Safety screen: course, context and associated features',
    intro: 'First the things that point to a reversible or urgent cause: how fast it began and evolves, what comes with it, and the context of onset. Asked after every answer to the first section: a movement that mimics myoclonus does not exclude a reversible cause.',
    role: 'safety-screen',
  },
  {
    id: 'D',
    title: 'Related diagnoses',
    intro: 'Diagnoses that you, the clinician, have already established.',
    enableWhen: afterGate,
  },
  {
    id: 'E',
    title: 'Clinical neurophysiology',
    intro: 'Interpreted results of EMG, EEG and evoked-potential studies, if done.',
    enableWhen: neurophysiologyOpen,
  },
  {
    id: 'B',
    title: 'Timing and triggers',
    intro: 'When the jerks occur and what brings them on.',
    enableWhen: afterGate,
  },
  {
    id: 'A',
    title: 'Distribution and body parts',
    intro: 'Where the jerks occur and which parts lead.',
    enableWhen: afterGate,
  },
];

export const questions: QuestionInput[] = [
  // ── G: the gate ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'G1',
    section: 'G',
    kind: 'single',
    prompt: 'Which description fits the movements best?',
    help: 'Myoclonus is a sudden, very brief, shock-like jerk (positive) or a brief lapse of muscle tone that drops a posture (negative, such as asterixis). Slow twisting postures, regular to-and-fro oscillation and continuous flowing movement point to other disorders.',
    settledBy: 'Observation of the movements, ideally on video; surface EMG if still uncertain.',
    options: [
      { id: 'positive_jerks', label: 'Sudden, brief, shock-like jerks' },
      { id: 'negative_lapses', label: 'Brief lapses of posture (for example flapping of outstretched hands)' },
      { id: 'both', label: 'Both jerks and lapses of posture' },
      { id: 'sustained_twisting_postures_only', label: 'Only sustained, twisting or patterned postures' },
      {
        id: 'regular_oscillation_only',
        label: 'Only a regular, to-and-fro oscillation (tremor)',
        hint: 'Not for flapping of outstretched hands (asterixis), which is negative myoclonus, nor for a “tremor” that EMG or EEG has shown to be rhythmic cortical myoclonus (cortical tremor): choose the jerks or lapses then.',
      },
      { id: 'continuous_flowing_random', label: 'Continuous, random movements flowing from one body part to another' },
    ],
  },
  {
    id: 'G2',
    section: 'G',
    kind: 'single',
    prompt: 'Does the patient feel an urge before the movements that the movement relieves?',
    help: 'A premonitory urge is the hallmark of tics; tics can usually also be held back for a while. Being able to hold the movements back briefly is not enough on its own: some patients can briefly suppress myoclonus or other jerks too. Answer “Yes” for a premonitory urge.',
    settledBy: 'History from the patient and direct observation.',
    options: [
      { id: 'yes', label: 'Yes, a premonitory urge (usually with brief suppression)' },
      { id: 'no', label: 'No urge' },
    ],
  },
  {
    id: 'G3',
    section: 'G',
    kind: 'single',
    prompt: 'Are there features that suggest functional (psychogenic) jerks?',
    help: 'Answer “Present” only for two or more positive features on examination: a pattern that changes from one jerk to the next, fewer jerks when attention is distracted, jerks that take up a rhythm the examiner taps, or suggestibility. An abrupt onset, even after a physical event, is not a functional feature on its own: acute causes also begin abruptly.',
    settledBy: 'Examination with distraction and entrainment; EEG back-averaging for a Bereitschaftspotential.',
    options: [
      { id: 'present', label: 'Present' },
      { id: 'absent', label: 'Absent' },
    ],
  },

  // ── C: safety screen — course, context, associated features (asked right after G) ──────────
  {
    id: 'C1',
    section: 'C',
    kind: 'single',
    prompt: 'How fast did the jerks develop?',
    help: 'Answer for the tempo, not for how long ago it began: jerks that built up over hours, days or weeks point to a reversible or urgent cause to look for first. Choose “over months to years” only when the jerks developed slowly; a course that has worsened markedly over recent weeks or months is recorded in the next questions as rapidly progressive.',
    settledBy: 'History.',
    options: [
      { id: 'acute_hours_to_days', label: 'Acutely, over hours to days' },
      { id: 'subacute_weeks', label: 'Subacutely, over weeks' },
      { id: 'chronic_months_to_years', label: 'Slowly, over months to years' },
    ],
  },
  {
    id: 'C1a',
    section: 'C',
    kind: 'single',
    prompt: 'When did the acute or subacute onset happen?',
    help: 'An abrupt onset long ago with a static or improving course since (Lance-Adams syndrome or myoclonus after a stroke years ago, say) is not a new presentation. A recent onset, or one whose date is unknown, is treated as a possibly reversible or urgent cause.',
    settledBy: 'History; the records of the event.',
    enableWhen: { question: 'C1', op: 'in', value: ['acute_hours_to_days', 'subacute_weeks'] },
    options: [
      { id: 'within_3_months', label: 'In the last 3 months' },
      { id: '3_to_12_months_ago', label: '3 to 12 months ago' },
      { id: 'over_a_year_ago', label: 'More than a year ago' },
    ],
  },
  {
    id: 'C2',
    section: 'C',
    kind: 'single',
    prompt: 'At what age did the jerks begin?',
    help: 'Myoclonus-dystonia usually starts in the first decade; juvenile myoclonic epilepsy and many progressive myoclonus epilepsies in the second.',
    settledBy: 'History; old videos or records.',
    options: [
      { id: 'under_10', label: 'Before 10 years' },
      { id: '10_to_20', label: '10 to 20 years' },
      { id: '21_to_50', label: '21 to 50 years' },
      { id: 'over_50', label: 'Over 50 years' },
    ],
  },
  {
    id: 'C3',
    section: 'C',
    kind: 'single',
    prompt: 'How has the condition evolved since onset?',
    help: 'Progression suggests a progressive myoclonus epilepsy or a neurodegenerative cause; myoclonus-dystonia is usually static after early adulthood.',
    settledBy: 'History and serial examination.',
    options: [
      { id: 'static_or_very_slow', label: 'Static, or very slowly changing' },
      { id: 'progressive', label: 'Progressive' },
      {
        id: 'rapidly_progressive_weeks_to_months',
        label: 'Rapidly progressive: marked worsening over weeks to a few months',
        hint: 'Whenever the jerks began. A fast tempo points to a reversible or urgent cause.',
      },
      { id: 'improving', label: 'Improving' },
    ],
  },
  {
    id: 'C4',
    section: 'C',
    kind: 'multi',
    prompt: 'Which other features are present?',
    help: 'Select every feature that applies. “New” means not explained by a known, imaged lesion.',
    settledBy: 'Neurological and cognitive examination; psychiatric history.',
    options: [
      { id: 'dystonia_neck_or_writers_cramp', label: 'Dystonia, such as cervical dystonia or writer’s cramp' },
      { id: 'epileptic_seizures', label: 'Epileptic seizures' },
      { id: 'cerebellar_ataxia', label: 'Cerebellar ataxia' },
      { id: 'cognitive_decline', label: 'Cognitive decline' },
      { id: 'developmental_regression_or_vision_loss', label: 'Loss of skills already gained (regression), or failing vision' },
      { id: 'rapidly_progressive_dementia', label: 'Rapidly progressive dementia (weeks to months)' },
      { id: 'psychiatric_anxiety_ocd_alcohol_misuse', label: 'Anxiety, obsessive-compulsive disorder or alcohol misuse' },
      { id: 'spinal_cord_signs', label: 'Spinal cord signs' },
      { id: 'new_focal_cortical_signs', label: 'New focal cortical signs' },
      { id: 'reduced_consciousness', label: 'Reduced level of consciousness' },
      { id: 'prior_facial_palsy_same_side', label: 'Earlier facial palsy on the same side' },
      { id: 'opsoclonus', label: 'Opsoclonus (chaotic, multidirectional saccades)' },
      { id: 'none', label: 'None of these' },
    ],
    exclusive: ['none'],
  },
  {
    id: 'C5',
    section: 'C',
    kind: 'single',
    prompt: 'Is there a family history of similar jerks?',
    help: 'Myoclonus-dystonia is dominantly inherited but maternally imprinted, so it can skip generations: “none” does not exclude it. Unverricht-Lundborg and Lafora disease are recessive.',
    settledBy: 'Family history; examination of relatives where possible.',
    options: [
      { id: 'affected_relatives_several_generations', label: 'Affected relatives in several generations' },
      { id: 'affected_siblings_or_parental_consanguinity', label: 'Affected siblings, or parents who are related' },
      { id: 'none', label: 'None known' },
    ],
  },
  {
    id: 'C6',
    section: 'C',
    kind: 'multi',
    prompt: 'Which of these apply to the context of onset?',
    help: 'Select every one that applies. Drugs, metabolic disturbance, recent hypoxia and infection or immune causes are reversible or urgent and come before any other step.',
    settledBy: 'Medication review; renal, liver, electrolyte and glucose tests; imaging; CSF and antibody studies where indicated.',
    options: [
      { id: 'new_or_changed_drug', label: 'A new drug, or a changed dose' },
      {
        id: 'current_drug_known_to_cause_myoclonus',
        label: 'A drug now taken that is known to cause myoclonus, whenever it was started',
        hint: 'For example gabapentin or pregabalin (above all with kidney failure), opioids, lithium, SSRIs, tricyclics, cefepime, quinolones, or antiseizure drugs such as carbamazepine or phenytoin (phenytoin can also worsen Unverricht-Lundborg disease) and lamotrigine (which can worsen myoclonus in juvenile myoclonic epilepsy and Dravet syndrome). Not a drug given to treat the myoclonus, unless it may be causing or worsening it.',
      },
      { id: 'metabolic_derangement', label: 'Metabolic disturbance (kidney or liver failure, sodium, glucose, dialysis)' },
      {
        id: 'recent_hypoxia_still_comatose_or_within_days',
        label: 'Recent hypoxia (such as a cardiac arrest), the patient still comatose or sedated',
      },
      {
        id: 'recent_hypoxia_awake_within_days',
        label: 'Recent hypoxia in the last days, the patient now awake',
        hint: 'An early Lance-Adams picture. EEG separates myoclonic status from early Lance-Adams syndrome; myoclonus alone is never a sign of the prognosis.',
      },
      { id: 'remote_hypoxia_now_awake', label: 'Hypoxia in the past (weeks or more), the patient awake' },
      { id: 'infection_or_autoimmune_or_paraneoplastic', label: 'Infection, autoimmune disease or a paraneoplastic context' },
      { id: 'fever_or_acute_systemic_illness', label: 'Fever or an acute systemic illness' },
      { id: 'known_structural_lesion', label: 'A known, imaged structural lesion' },
      { id: 'none', label: 'None of these' },
    ],
    exclusive: ['none'],
  },

  {
    id: 'C6a',
    section: 'C',
    kind: 'single',
    prompt: 'Where is the known structural lesion?',
    help: 'A lesion adds weight to the category of its site: the sensorimotor cortex to cortical, the spinal cord to segmental, a root, plexus or nerve to peripheral.',
    settledBy: 'Imaging report; nerve conduction studies for a root, plexus or nerve lesion.',
    enableWhen: { question: 'C6', op: 'includes', value: 'known_structural_lesion' },
    options: [
      { id: 'cortex', label: 'Cerebral cortex' },
      { id: 'brainstem', label: 'Brainstem' },
      { id: 'spinal_cord', label: 'Spinal cord' },
      { id: 'root_plexus_or_nerve', label: 'Nerve root, plexus or peripheral nerve' },
      { id: 'elsewhere_or_several', label: 'Elsewhere, or several sites' },
    ],
  },

  // ── D: related diagnoses ────────────────────────────────────────────────────────────────────
  {
    id: 'D1',
    section: 'D',
    kind: 'single',
    prompt: 'Has a related diagnosis already been established?',
    help: 'Choose a diagnosis only if you have established it; this tool does not make one. The deep brain stimulation discussion follows this answer, never the computed category, and only when every other condition for it is met.',
    settledBy: 'Clinical diagnosis, supported by genetic, metabolic or imaging tests as appropriate.',
    options: [
      { id: 'myoclonus_dystonia_SGCE_confirmed', label: 'Myoclonus-dystonia, SGCE variant confirmed' },
      { id: 'myoclonus_dystonia_clinical', label: 'Myoclonus-dystonia, clinical diagnosis' },
      { id: 'PME', label: 'Progressive myoclonus epilepsy' },
      { id: 'genetic_generalized_epilepsy_eg_JME', label: 'Genetic generalized epilepsy, such as juvenile myoclonic epilepsy' },
      { id: 'lance_adams', label: 'Chronic post-hypoxic myoclonus (Lance-Adams syndrome)' },
      { id: 'hemifacial_spasm', label: 'Hemifacial spasm' },
      { id: 'spinal_cord_lesion', label: 'Spinal cord lesion' },
      { id: 'hyperekplexia', label: 'Hyperekplexia' },
      { id: 'none', label: 'None of these' },
    ],
  },
  {
    id: 'D1a',
    section: 'D',
    kind: 'single',
    prompt: 'Which progressive myoclonus epilepsy is it?',
    help: 'The subtype is recorded for the recap; it does not change the category or the targets discussed.',
    settledBy: 'Genetic testing; skin or muscle biopsy; enzyme studies.',
    enableWhen: { question: 'D1', op: 'is', value: 'PME' },
    options: [
      { id: 'ULD', label: 'Unverricht-Lundborg disease' },
      { id: 'Lafora', label: 'Lafora disease' },
      { id: 'MERRF', label: 'MERRF or another mitochondrial disease' },
      { id: 'NCL', label: 'Neuronal ceroid lipofuscinosis' },
      { id: 'sialidosis', label: 'Sialidosis' },
      { id: 'other', label: 'Another cause' },
      { id: 'unspecified', label: 'Not yet specified' },
    ],
  },
  {
    id: 'D2',
    section: 'D',
    kind: 'single',
    prompt: 'Is the myoclonus both disabling and refractory to adequate medical treatment?',
    help: 'Surgery is not a first-line treatment for myoclonus. The literature discusses it only when jerks stay disabling after adequate trials of medication.',
    settledBy: 'Treatment history: drugs, doses and durations tried, and their effect on function.',
    enableWhen: {
      question: 'D1',
      op: 'in',
      value: ['myoclonus_dystonia_SGCE_confirmed', 'myoclonus_dystonia_clinical', 'PME'],
    },
    options: [
      { id: 'yes', label: 'Yes, disabling and refractory' },
      { id: 'no', label: 'No' },
    ],
  },

  // ── E: neurophysiology ──────────────────────────────────────────────────────────────────────
  {
    id: 'E0',
    section: 'E',
    kind: 'single',
    prompt: 'Has EMG–EEG polygraphy or evoked-potential testing been done?',
    help: 'Neurophysiology is the reference standard for the physiological category; bedside features often cannot settle it.',
    settledBy: 'Referral for EMG–EEG polygraphy with jerk-locked back-averaging and somatosensory evoked potentials.',
    options: [
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
    ],
    // "No" means the tests were not done: E1–E4 are then missing, through E0 (machines/assessment/missing.ts).
    notAssessed: ['no'],
  },
  {
    id: 'E1',
    section: 'E',
    kind: 'single',
    prompt: 'What is the typical surface-EMG burst duration of a jerk?',
    help: 'Enter the laboratory’s interpreted value. Cortical bursts are short (about 10–50 ms); subcortical and segmental bursts are longer, often over 100 ms.',
    settledBy: 'Surface EMG of at least 10 jerks: burst duration.',
    enableWhen: { question: 'E0', op: 'is', value: 'yes' },
    options: [
      { id: 'under_50ms', label: 'Under 50 ms' },
      { id: '50_to_100ms', label: '50 to 100 ms' },
      { id: 'over_100ms', label: 'Over 100 ms' },
      { id: 'not_done', label: 'Not done' },
    ],
    notAssessed: ['not_done'],
  },
  {
    id: 'E2',
    section: 'E',
    kind: 'single',
    prompt: 'What did EEG–EMG analysis show before or with the jerks?',
    help: 'Jerk-locked back-averaging or cortico-muscular coherence. A focal cortical spike just before the jerk marks cortical myoclonus; generalized spike-wave locked to the jerks marks cortical-subcortical myoclonus; a slow Bereitschaftspotential about a second before the jerk suggests functional jerks.',
    settledBy: 'EEG–EMG polygraphy with jerk-locked back-averaging.',
    enableWhen: { question: 'E0', op: 'is', value: 'yes' },
    options: [
      { id: 'focal_cortical_spike_before_jerk', label: 'A focal cortical spike before each jerk' },
      { id: 'generalized_spike_wave_locked_to_jerks', label: 'Generalized spike- or polyspike-wave locked to the jerks' },
      { id: 'no_eeg_correlate', label: 'No EEG correlate' },
      { id: 'bereitschaftspotential_before_jerks', label: 'A Bereitschaftspotential before the jerks' },
      { id: 'not_done', label: 'Not done' },
    ],
    notAssessed: ['not_done'],
  },
  {
    id: 'E3',
    section: 'E',
    kind: 'single',
    prompt: 'What did somatosensory evoked potentials or C-reflex testing show?',
    help: 'Use the laboratory’s own interpretation: the amplitude that counts as “giant” depends on how the recording was made.',
    settledBy: 'Median-nerve SEP and C-reflex study.',
    enableWhen: { question: 'E0', op: 'is', value: 'yes' },
    options: [
      { id: 'giant_SEP_and_or_C_reflex', label: 'Giant SEP and/or a C-reflex' },
      { id: 'normal', label: 'Normal' },
      { id: 'not_done', label: 'Not done' },
    ],
    notAssessed: ['not_done'],
  },
  {
    id: 'E4',
    section: 'E',
    kind: 'single',
    prompt: 'In which order are the muscles recruited (polymyography)?',
    help: 'The order and speed of spread between muscles point to where the jerk starts.',
    settledBy: 'Multi-channel surface EMG (polymyography), with nerve conduction studies where a peripheral cause is suspected.',
    enableWhen: { question: 'E0', op: 'is', value: 'yes' },
    options: [
      { id: 'craniocaudal_fast_descending', label: 'Cranial to caudal, descending fast' },
      { id: 'starts_SCM_or_trapezius_spreads_up_and_down', label: 'Starts in sternocleidomastoid or trapezius, then spreads up and down' },
      { id: 'confined_to_adjacent_segments', label: 'Confined to muscles of adjacent segments' },
      { id: 'starts_trunk_slow_spread_3_to_16_m_per_s', label: 'Starts in trunk muscles, spreading slowly (3–16 m/s)' },
      { id: 'single_nerve_territory_or_lateral_spread', label: 'One nerve territory, or a lateral spread response' },
      { id: 'not_done', label: 'Not done' },
    ],
    notAssessed: ['not_done'],
  },
  // ── B: timing and triggers ──────────────────────────────────────────────────────────────────
  {
    id: 'B6',
    section: 'B',
    kind: 'single',
    prompt: 'Is there a pattern linked to time of day or to sleep?',
    help: 'Some patterns are typical: clusters soon after waking (juvenile myoclonic epilepsy), jerks when lying relaxed before sleep (propriospinal myoclonus), or single jerks while falling asleep in a healthy person (normal hypnic jerks).',
    settledBy: 'History; a sleep diary; video-EEG if needed.',
    options: [
      { id: 'clusters_after_awakening', label: 'Clusters in the first hours after waking' },
      { id: 'lying_relaxed_or_falling_asleep_with_insomnia', label: 'When lying relaxed or drifting off to sleep, with disturbed sleep' },
      { id: 'only_single_jerks_when_falling_asleep_healthy_person', label: 'Only single jerks while falling asleep, in an otherwise healthy person' },
      { id: 'none', label: 'No such pattern' },
    ],
  },
  {
    id: 'B1',
    section: 'B',
    kind: 'single',
    prompt: 'Do the jerks occur with the body completely at rest?',
    help: 'Spontaneous jerks with the limbs fully supported and relaxed.',
    settledBy: 'Examination with the patient lying fully supported.',
    options: [
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
    ],
  },
  {
    id: 'B2',
    section: 'B',
    kind: 'single',
    prompt: 'Are the jerks brought on, or clearly worsened, by voluntary action or holding a posture?',
    help: 'For example reaching, writing, drinking from a cup, speaking or walking. This is action myoclonus.',
    settledBy: 'Examination: finger–nose, pouring, writing, holding the arms outstretched.',
    options: [
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
    ],
  },
  {
    id: 'B3',
    section: 'B',
    kind: 'multi',
    prompt: 'Which stimuli trigger jerks?',
    help: 'Select every stimulus that reliably produces a jerk. Choose “None” only if they were tested and none did.',
    settledBy: 'Bedside testing: light touch and muscle stretch, taps to the nose, face and sternum, a sudden noise, a flashing light.',
    options: [
      { id: 'touch_or_stretch_local_jerk', label: 'Touch or muscle stretch, causing a local jerk' },
      { id: 'tap_face_or_sternum_generalized_jerk', label: 'A tap to the face or sternum, causing a generalized jerk' },
      { id: 'sudden_noise_startle', label: 'A sudden noise (startle)' },
      { id: 'visual_or_flashing_light', label: 'Visual stimuli or flashing light' },
      { id: 'none', label: 'None of these' },
    ],
    exclusive: ['none'],
  },
  {
    id: 'B4',
    section: 'B',
    kind: 'single',
    prompt: 'Is the rhythm of the jerks irregular or rhythmic?',
    help: 'Rhythmic or semi-rhythmic jerks repeat at a fairly constant rate, like palatal tremor at 1–3 Hz.',
    settledBy: 'Observation over a minute or more; surface EMG.',
    options: [
      { id: 'irregular', label: 'Irregular' },
      { id: 'rhythmic_or_semirhythmic', label: 'Rhythmic or semi-rhythmic' },
    ],
  },
  {
    id: 'B5',
    section: 'B',
    kind: 'single',
    prompt: 'Do the jerks continue during sleep?',
    help: 'Persistence in established sleep favours segmental and peripheral generators.',
    settledBy: 'Report from a bed partner or ward staff; video-polysomnography.',
    options: [
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
    ],
  },
  {
    id: 'B7',
    section: 'B',
    kind: 'single',
    prompt: 'What effect does alcohol have on the jerks?',
    help: 'A marked improvement after a small amount of alcohol is typical of myoclonus-dystonia, though not specific to it.',
    settledBy: 'History.',
    options: [
      { id: 'marked_improvement', label: 'Marked improvement' },
      { id: 'no_effect', label: 'No clear effect' },
      { id: 'never_tried', label: 'Never tried, or not known to the patient' },
    ],
    notAssessed: ['never_tried'],
  },

  // ── A: distribution ─────────────────────────────────────────────────────────────────────────
  {
    id: 'A1',
    section: 'A',
    kind: 'single',
    prompt: 'How are the jerks distributed?',
    help: 'Focal: one body part. Multifocal: several parts jerking independently. Segmental: neighbouring parts supplied by adjacent brainstem or spinal segments. Generalized: most of the body, either together (synchronous) or not.',
    settledBy: 'Examination; multi-channel surface EMG (polymyography) shows which muscles fire together.',
    options: [
      { id: 'focal', label: 'Focal — one body part' },
      { id: 'multifocal_independent', label: 'Multifocal — several parts, independently' },
      { id: 'segmental_contiguous', label: 'Segmental — contiguous parts from adjacent segments' },
      { id: 'generalized_bilateral_synchronous', label: 'Generalized, both sides at the same moment' },
      { id: 'generalized_asynchronous', label: 'Generalized, not synchronous' },
    ],
  },
  {
    id: 'A2',
    section: 'A',
    kind: 'multi',
    prompt: 'Which body regions are involved?',
    help: 'Select every region that jerks.',
    settledBy: 'Examination at rest, on posture and on action.',
    options: [
      { id: 'face_bilateral_or_perioral', label: 'Face, both sides or around the mouth' },
      { id: 'one_side_face_facial_nerve_territory', label: 'One side of the face, in the facial nerve territory' },
      { id: 'palate_throat', label: 'Palate or throat' },
      { id: 'hands_fingers', label: 'Hands or fingers' },
      { id: 'shoulders_proximal_arms', label: 'Shoulders or upper arms' },
      { id: 'neck', label: 'Neck' },
      { id: 'trunk_abdomen', label: 'Trunk or abdomen' },
      { id: 'legs', label: 'Legs' },
    ],
  },
  {
    id: 'A3',
    section: 'A',
    kind: 'single',
    prompt: 'Which parts are most affected?',
    help: 'Cortical myoclonus favours the hands and face; brainstem forms favour the trunk and proximal muscles; myoclonus-dystonia favours the neck, trunk and arms with the legs largely spared.',
    settledBy: 'Examination; polymyography.',
    options: [
      { id: 'distal_more_than_proximal', label: 'Distal more than proximal (hands, fingers, face)' },
      { id: 'proximal_axial_more_than_distal', label: 'Proximal and axial more than distal' },
      { id: 'upper_body_neck_trunk_arms_legs_spared', label: 'Upper body — neck, trunk and arms — with the legs spared' },
      { id: 'single_nerve_or_root_territory', label: 'Within one nerve or root territory' },
      { id: 'none_clear', label: 'No clear predominance' },
    ],
  },
];
