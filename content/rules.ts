/**
 * What each answer means for the result, as data: evidence for and against each category
 * (brief §1(b).3, weights from §1(b).4), mimics (§1(d).1), red flags (§1(d).2) and the DBS routes
 * of the source article with the literature's corrections (§1(c), §1(g)).
 * Every rule names its sources.
 */
import type { TCategory, TCondition, TContentInput } from './schema';

type EvidenceInput = TContentInput['evidence'][number];

const is = (question: string, value: string): TCondition => ({ question, op: 'is', value });
const has = (question: string, value: string): TCondition => ({ question, op: 'includes', value });
const CO = 'cortical';
const CS = 'cortical-subcortical';
const SN = 'subcortical-nonsegmental';
const SG = 'segmental';
const PE = 'peripheral';

type Effects = Partial<Record<TCategory, -1 | 1 | 2 | 4>>;

/** One evidence rule for one answer. `multi` questions match when the option is among those chosen. */
function rule(
  question: string,
  option: string,
  effects: Effects,
  why: string,
  sources: string[],
  options: { multi?: boolean; definitive?: boolean; pattern?: string; signature?: TCategory[]; hallmarkOf?: TCategory } = {},
): EvidenceInput {
  const signature = options.signature ?? (options.definitive ? (Object.keys(effects) as TCategory[]).filter((c) => (effects[c] ?? 0) > 0) : undefined);
  return {
    id: `${question}.${option}`,
    when: options.multi ? has(question, option) : is(question, option),
    effects,
    why,
    sources,
    definitive: options.definitive ?? false,
    ...(options.pattern ? { pattern: options.pattern } : {}),
    ...(signature ? { signature } : {}),
    ...(options.hallmarkOf ? { hallmarkOf: options.hallmarkOf } : {}),
  };
}
const multi = { multi: true };
/** A bedside hallmark of a category (brief §1(a), "what separates it from the others"). */
const hallmark = (category: TCategory, more: { multi?: boolean; pattern?: string } = {}) => ({ ...more, hallmarkOf: category });
/**
 * Patterns: answers that describe one clinical picture count once per category (brief §0.2 rule 2:
 * a bedside picture must not outvote neurophysiology by being counted several times over).
 * Distal, hand and independent multifocal jerks are one cortical distribution; presence at rest and
 * persistence in sleep are one "continuous" feature.
 */
const corticalDistribution = 'cortical-distribution';
const continuous = 'present-at-rest-and-in-sleep';

export const evidence: EvidenceInput[] = [
  // G1: negative myoclonus usually accompanies cortical myoclonus.
  rule('G1', 'negative_lapses', { [CO]: 1 }, 'Negative myoclonus (lapses of posture) usually accompanies cortical myoclonus.', ['kojovic2011', 'eberhardt2017'], hallmark(CO)),
  rule('G1', 'both', { [CO]: 1 }, 'Positive and negative myoclonus together are typical of cortical myoclonus.', ['kojovic2011', 'eberhardt2017'], hallmark(CO)),

  // A1: distribution.
  rule('A1', 'focal', { [CO]: 1, [PE]: 1, [SG]: 1, [CS]: -1 }, 'Focal jerks fit a cortical, segmental or peripheral generator, not a generalized epileptic one.', ['kojovic2011', 'merchant2020']),
  rule('A1', 'multifocal_independent', { [CO]: 2, [SG]: -1, [PE]: -1 }, 'Independent multifocal jerks are typical of cortical myoclonus.', ['kojovic2011', 'merchant2020'], { pattern: corticalDistribution }),
  rule('A1', 'segmental_contiguous', { [SG]: 2 }, 'Jerks confined to contiguous segments define segmental myoclonus.', ['jankovic1986', 'merchant2020'], hallmark(SG)),
  rule('A1', 'generalized_bilateral_synchronous', { [CS]: 2, [SN]: 1, [PE]: -1, [SG]: -1 }, 'Bilateral synchronous jerks suggest a generalized epileptic (cortical-subcortical) or brainstem generator.', ['epilepsyFoundation', 'bhidayasiri2012'], hallmark(CS)),
  rule('A1', 'generalized_asynchronous', { [CO]: 1, [SN]: 1 }, 'Widespread asynchronous jerks occur with cortical and subcortical generators alike.', ['kojovic2011', 'genereviewsSGCE']),

  // A2: body regions.
  rule('A2', 'face_bilateral_or_perioral', { [CO]: 1 }, 'The face has a large cortical map and is often involved in cortical myoclonus.', ['kojovic2011'], multi),
  rule('A2', 'one_side_face_facial_nerve_territory', { [PE]: 2 }, 'Jerks in one facial nerve territory are the picture of hemifacial spasm, a peripheral form.', ['peripheralChapter'], hallmark(PE, multi)),
  rule('A2', 'palate_throat', { [SG]: 2 }, 'Palatal jerks are palatal tremor, a brainstem segmental form.', ['bhattacharjee2020', 'pearce2008'], hallmark(SG, multi)),
  rule('A2', 'hands_fingers', { [CO]: 2 }, 'Hands and fingers have the largest cortical maps and dominate cortical myoclonus.', ['kojovic2011'], { multi: true, pattern: corticalDistribution }),
  rule('A2', 'shoulders_proximal_arms', { [CS]: 1, [SN]: 1 }, 'Shoulder and upper-arm jerks are typical of juvenile myoclonic epilepsy and of myoclonus-dystonia.', ['epilepsyFoundation', 'genereviewsSGCE'], multi),
  rule('A2', 'neck', { [SN]: 1 }, 'Neck jerks are typical of myoclonus-dystonia and brainstem myoclonus.', ['genereviewsSGCE', 'bhidayasiri2012'], multi),
  rule('A2', 'trunk_abdomen', { [SN]: 1, [SG]: 1 }, 'Trunk jerks occur in brainstem and propriospinal myoclonus.', ['bhidayasiri2012', 'montagna1997'], multi),

  // A3: predominance.
  rule('A3', 'distal_more_than_proximal', { [CO]: 2 }, 'Distal predominance is characteristic of cortical myoclonus.', ['kojovic2011'], hallmark(CO, { pattern: corticalDistribution })),
  rule('A3', 'proximal_axial_more_than_distal', { [SN]: 1, [SG]: 1, [CS]: 1 }, 'Proximal and axial predominance fits brainstem, propriospinal and generalized epileptic forms.', ['bhidayasiri2012', 'montagna1997']),
  rule('A3', 'upper_body_neck_trunk_arms_legs_spared', { [SN]: 1 }, 'Upper-body jerks sparing the legs are the pattern of myoclonus-dystonia.', ['genereviewsSGCE'], hallmark(SN)),
  rule('A3', 'single_nerve_or_root_territory', { [PE]: 2 }, 'Confinement to one nerve or root territory points to a peripheral generator.', ['peripheralChapter'], hallmark(PE)),

  // B1–B7: timing and triggers.
  rule('B1', 'yes', { [SG]: 1, [PE]: 1, [CS]: 1 }, 'Jerks at complete rest are typical of segmental, peripheral and epileptic myoclonus.', ['kojovic2011', 'jankovic1986'], { pattern: continuous }),
  rule('B1', 'no', { [CO]: 1, [SN]: 1, [SG]: -1, [PE]: -1 }, 'Absence at rest argues against segmental and peripheral forms, which are mostly present at rest.', ['kojovic2011', 'jankovic1986'], { pattern: continuous }),
  rule('B2', 'yes', { [CO]: 2, [SN]: 1, [SG]: -1, [PE]: -1 }, 'Action myoclonus is the hallmark of cortical myoclonus and occurs in myoclonus-dystonia.', ['kojovic2011', 'genereviewsSGCE']),
  rule('B2', 'no', { [CO]: -1 }, 'Cortical myoclonus is usually brought on by action.', ['kojovic2011']),
  rule('B3', 'touch_or_stretch_local_jerk', { [CO]: 2 }, 'Local jerks to touch or stretch are cortical reflex myoclonus.', ['hallett1979', 'kojovic2011'], hallmark(CO, multi)),
  rule('B3', 'tap_face_or_sternum_generalized_jerk', { [SN]: 2 }, 'Generalized jerks to taps on the face or sternum are typical of brainstem reticular myoclonus.', ['bhidayasiri2012', 'brainstem1996'], hallmark(SN, multi)),
  rule('B3', 'sudden_noise_startle', { [SN]: 2 }, 'Jerks to sudden noise are typical of startle syndromes, a brainstem form.', ['donaldson2012'], hallmark(SN, multi)),
  rule('B3', 'visual_or_flashing_light', { [CS]: 1, [CO]: 1 }, 'Photosensitivity occurs in generalized epilepsies and in cortical myoclonus.', ['epilepsyFoundation', 'kojovic2011'], multi),
  rule('B3', 'none', { [SG]: 1, [PE]: 1, [SN]: 1 }, 'Segmental and peripheral myoclonus, and myoclonus-dystonia, are little affected by stimuli.', ['kojovic2011', 'jankovic1986', 'genereviewsSGCE'], multi),
  rule('B4', 'rhythmic_or_semirhythmic', { [SG]: 2 }, 'Rhythmic jerks are typical of segmental myoclonus (cortical jerks can also repeat at a fixed interval).', ['bhidayasiri2012', 'jankovic1986', 'brown1996']),
  rule('B4', 'irregular', { [SG]: -1 }, 'Segmental myoclonus is usually rhythmic.', ['bhidayasiri2012']),
  rule('B5', 'yes', { [SG]: 2, [PE]: 2, [CO]: -1, [SN]: -1 }, 'Persistence in sleep is typical of segmental myoclonus and hemifacial spasm.', ['jankovic1986', 'peripheralChapter'], { pattern: continuous }),
  rule('B5', 'no', { [SG]: -1, [PE]: -1 }, 'Segmental and peripheral myoclonus often persist in sleep.', ['jankovic1986', 'peripheralChapter'], { pattern: continuous }),
  rule('B6', 'clusters_after_awakening', { [CS]: 2 }, 'Clusters soon after waking are typical of juvenile myoclonic epilepsy.', ['epilepsyFoundation'], hallmark(CS)),
  rule('B6', 'lying_relaxed_or_falling_asleep_with_insomnia', { [SG]: 2 }, 'Jerks when lying relaxed before sleep suggest propriospinal myoclonus; many such cases prove functional, so check for functional features.', ['vetrugno2001', 'montagna1997']),
  rule('B7', 'marked_improvement', { [SN]: 2 }, 'A marked response to alcohol is typical of myoclonus-dystonia, though not specific to it.', ['genereviewsSGCE']),

  // C: course and associated features.
  rule('C2', '10_to_20', { [CS]: 1 }, 'Onset in the second decade is typical of juvenile myoclonic epilepsy.', ['epilepsyFoundation']),
  rule('C2', 'over_50', { [CO]: 1, [PE]: 1 }, 'Late onset favours degenerative or symptomatic cortical causes and hemifacial spasm.', ['caviness2004', 'peripheralChapter']),
  rule('C3', 'progressive', { [CO]: 1 }, 'A progressive course suggests a progressive myoclonus epilepsy or a degenerative cause, usually with cortical physiology.', ['kalviainen2015', 'vanderveen2022']),
  rule('C3', 'rapidly_progressive_weeks_to_months', { [CO]: 1 }, 'Rapidly progressive myoclonic syndromes (prion disease, autoimmune encephalitis) usually have cortical physiology.', ['vanderveen2022']),
  rule('C4', 'dystonia_neck_or_writers_cramp', { [SN]: 2 }, 'Cervical dystonia or writer’s cramp with jerks is the picture of myoclonus-dystonia.', ['genereviewsSGCE'], hallmark(SN, multi)),
  rule('C4', 'epileptic_seizures', { [CS]: 1, [CO]: 1 }, 'Seizures accompany epileptic (cortical-subcortical) myoclonus and progressive myoclonus epilepsies.', ['epilepsyFoundation', 'kalviainen2015'], multi),
  rule('C4', 'cerebellar_ataxia', { [CO]: 1 }, 'Cerebellar ataxia often accompanies cortical myoclonus, as in progressive myoclonus epilepsies.', ['malek2015', 'kalviainen2015'], multi),
  rule('C4', 'cognitive_decline', { [CO]: 1 }, 'Cognitive decline with myoclonus suggests a neurodegenerative or progressive cortical cause.', ['vanderveen2022'], multi),
  rule('C4', 'developmental_regression_or_vision_loss', { [CO]: 1 }, 'Regression or failing vision with myoclonus suggests a progressive myoclonus epilepsy such as a neuronal ceroid lipofuscinosis, whose myoclonus is usually cortical.', ['kalviainen2015', 'ilaePME'], multi),
  rule('C4', 'spinal_cord_signs', { [SG]: 2 }, 'Spinal cord signs point to a spinal segmental generator.', ['jankovic1986'], multi),
  rule('C4', 'new_focal_cortical_signs', { [CO]: 1 }, 'Focal cortical signs suggest a lesion of the sensorimotor cortex.', ['kojovic2011'], multi),
  rule('C4', 'prior_facial_palsy_same_side', { [PE]: 1 }, 'Hemifacial spasm can follow a facial palsy on the same side.', ['peripheralChapter'], multi),
  rule('C6', 'remote_hypoxia_now_awake', { [CO]: 1 }, 'Chronic post-hypoxic (Lance-Adams) myoclonus is mainly cortical action myoclonus.', ['gupta2016', 'marcellino2020'], multi),
  // C6a: a known lesion adds weight to the category of its site.
  rule('C6a', 'cortex', { [CO]: 2 }, 'Focal cortical myoclonus almost always arises from a lesion of the sensorimotor cortex, so a known cortical lesion makes a cortical generator likely.', ['kojovic2011', 'caviness2004']),
  rule('C6a', 'brainstem', { [SN]: 1, [SG]: 1 }, 'A brainstem lesion fits brainstem reticular (subcortical) or palatal (segmental) myoclonus.', ['bhidayasiri2012', 'bhattacharjee2020']),
  rule('C6a', 'spinal_cord', { [SG]: 2 }, 'A spinal cord lesion is the usual cause of spinal segmental myoclonus.', ['jankovic1986']),
  rule('C6a', 'root_plexus_or_nerve', { [PE]: 2 }, 'A lesion of a root, plexus or nerve points to peripheral myoclonus.', ['peripheralChapter']),

  // D1: an established diagnosis also counts as category evidence (never as a DBS route by category).
  rule('D1', 'myoclonus_dystonia_SGCE_confirmed', { [SN]: 2 }, 'Myoclonus-dystonia is a subcortical (non-cortical) myoclonus.', ['genereviewsSGCE']),
  rule('D1', 'myoclonus_dystonia_clinical', { [SN]: 2 }, 'Myoclonus-dystonia is a subcortical (non-cortical) myoclonus.', ['genereviewsSGCE']),
  rule('D1', 'PME', { [CO]: 1, [CS]: 1 }, 'Myoclonus in progressive myoclonus epilepsy is usually cortical, sometimes cortical-subcortical.', ['kalviainen2015', 'malek2015']),
  rule('D1', 'genetic_generalized_epilepsy_eg_JME', { [CS]: 2 }, 'Genetic generalized epilepsies such as juvenile myoclonic epilepsy are the prototype of cortical-subcortical myoclonus.', ['epilepsyFoundation']),
  rule('D1', 'lance_adams', { [CO]: 2 }, 'Lance-Adams syndrome is mainly cortical action myoclonus.', ['gupta2016', 'marcellino2020']),
  rule('D1', 'hemifacial_spasm', { [PE]: 2 }, 'Hemifacial spasm is the standard peripheral form.', ['peripheralChapter']),
  rule('D1', 'spinal_cord_lesion', { [SG]: 2 }, 'A spinal cord lesion is the usual cause of spinal segmental myoclonus.', ['jankovic1986']),
  rule('D1', 'hyperekplexia', { [SN]: 2 }, 'Hyperekplexia is a brainstem startle disorder.', ['donaldson2012']),

  // E: neurophysiology, the reference standard.
  // Signatures: the categories a burst length is compatible with (brief §1(a).7).
  rule('E1', 'under_50ms', { [CO]: 2, [CS]: 1, [SG]: -1, [SN]: -1, [PE]: -1 }, 'Bursts under 50 ms are typical of cortical myoclonus (a 45 ms cut-off separated cortical from non-cortical myoclonus in one study) and argue against segmental, subcortical and peripheral generators.', ['eberhardt2017', 'hallett1979', 'burst2024'], { signature: [CO, CS] }),
  rule('E1', '50_to_100ms', { [CS]: 1, [SN]: 1 }, 'Bursts of 50–100 ms fit cortical-subcortical and subcortical myoclonus.', ['burst2024', 'merchant2020']),
  rule('E1', 'over_100ms', { [SN]: 2, [SG]: 2, [CO]: -1, [CS]: -1 }, 'Bursts over 100 ms are typical of brainstem and segmental myoclonus and argue against a cortical origin.', ['brainstem1996', 'eberhardt2017', 'ramos2023'], { signature: [SN, SG, PE] }),
  rule('E2', 'focal_cortical_spike_before_jerk', { [CO]: 4 }, 'A focal cortical spike preceding each jerk on back-averaging establishes cortical myoclonus.', ['hallett1979', 'merchant2020'], { definitive: true }),
  rule('E2', 'generalized_spike_wave_locked_to_jerks', { [CS]: 4 }, 'Generalized spike-wave locked to each jerk establishes cortical-subcortical (epileptic) myoclonus.', ['epilepsyFoundation', 'merchant2020'], { definitive: true }),
  rule('E2', 'no_eeg_correlate', { [CO]: -1, [CS]: -1, [SN]: 1, [SG]: 1, [PE]: 1 }, 'No EEG correlate argues against cortical and cortical-subcortical generators.', ['merchant2020']),
  rule('E3', 'giant_SEP_and_or_C_reflex', { [CO]: 4 }, 'A giant SEP or a C-reflex marks cortical hyperexcitability.', ['merchant2020', 'demura2024'], { definitive: true }),
  rule('E3', 'normal', { [CO]: -1 }, 'A normal SEP argues slightly against cortical myoclonus; not every cortical myoclonus has a giant SEP.', ['merchant2020']),
  rule('E4', 'craniocaudal_fast_descending', { [CO]: 1 }, 'Fast cranio-caudal spread along the corticospinal tract fits cortical myoclonus.', ['hallett1979']),
  // Polymyography patterns weigh +2 (brief §1(b).3), not definitive; each is the signature of its
  // category, so with a cortical finding the SCM-first pattern is the post-hypoxic conflict of §1(b).4 d.
  rule('E4', 'starts_SCM_or_trapezius_spreads_up_and_down', { [SN]: 2 }, 'Onset in sternocleidomastoid or trapezius with spread up and down is the pattern of brainstem reticular myoclonus.', ['bhidayasiri2012', 'postanoxic1991'], { signature: [SN] }),
  rule('E4', 'confined_to_adjacent_segments', { [SG]: 2 }, 'Activity confined to adjacent segments defines segmental myoclonus.', ['jankovic1986'], { signature: [SG] }),
  rule('E4', 'starts_trunk_slow_spread_3_to_16_m_per_s', { [SG]: 2 }, 'Slow spread from trunk muscles is propriospinal myoclonus; check for a Bereitschaftspotential, as many cases prove functional.', ['montagna1997', 'vandersalm2012'], { signature: [SG] }),
  rule('E4', 'single_nerve_territory_or_lateral_spread', { [PE]: 2 }, 'Activity confined to one nerve territory, or a lateral spread response, is the neurophysiological signature of a peripheral generator.', ['peripheralChapter'], { signature: [PE] }),

  // Combinations: answers that mean more together than apart.
  {
    id: 'A3.E1.nerve-territory-long-bursts',
    when: { all: [is('A3', 'single_nerve_or_root_territory'), is('E1', 'over_100ms')] },
    effects: { [PE]: 4 },
    why: 'Long bursts confined to one nerve or root territory come from that nerve or root: burst length separates the central forms only when the jerks are not confined to one nerve.',
    sources: ['peripheralChapter', 'eberhardt2017'],
    definitive: false,
  },
];

export const mimics: TContentInput['mimics'] = [
  {
    id: 'mimic.G1.dystonia',
    when: is('G1', 'sustained_twisting_postures_only'),
    mimic: 'dystonia',
    why: 'Only sustained, twisting or patterned postures were described: that is dystonia, not myoclonus.',
    nextStep: 'Assess as dystonia. If jerks coexist with dystonia, consider myoclonus-dystonia and answer the first question again.',
    sources: ['tohm2025', 'vanderveen2022'],
  },
  {
    id: 'mimic.G1.tremor',
    when: is('G1', 'regular_oscillation_only'),
    mimic: 'tremor',
    why: 'Only a regular to-and-fro oscillation was described: that is tremor. Rhythmic myoclonus (cortical tremor) and negative myoclonus (asterixis) can look similar.',
    nextStep: 'Surface EMG separates tremor from rhythmic or negative myoclonus. If the movements are jerks or lapses of posture, answer the first question again.',
    // A "tremor" with a cortical spike before each jerk, or a giant SEP, is cortical myoclonus
    // (cortical tremor) on polygraphy: the answers conflict (question bank 1.2).
    caution: {
      when: { any: [is('E2', 'focal_cortical_spike_before_jerk'), is('E3', 'giant_SEP_and_or_C_reflex')] },
      nextStep:
        'A regular oscillation was described, but the neurophysiology shows a cortical generator: this may be cortical tremor, which is rhythmic cortical myoclonus. Review the movements and the recording together before concluding tremor.',
    },
    sources: ['tohm2025', 'vanderveen2022', 'brown1996'],
  },
  {
    id: 'mimic.G1.chorea',
    when: is('G1', 'continuous_flowing_random'),
    mimic: 'chorea',
    why: 'Continuous, random movements flowing between body parts are chorea, without the stop-start shock of myoclonus.',
    nextStep: 'Assess as chorea.',
    sources: ['tohm2025', 'vanderveen2022'],
  },
  {
    id: 'mimic.G2.tics',
    when: is('G2', 'yes'),
    mimic: 'tics',
    why: 'A premonitory urge that the movement relieves is the hallmark of tics.',
    nextStep: 'Assess as a tic disorder; the diagnosis rests mainly on the history.',
    sources: ['tohm2025', 'vanderveen2022'],
  },
  {
    id: 'mimic.G3.functional',
    when: is('G3', 'present'),
    mimic: 'functional',
    why: 'Positive functional features on examination (variability, distractibility, entrainment, suggestibility) suggest functional jerks.',
    nextStep: 'Consider EEG back-averaging for a Bereitschaftspotential before the jerks, which supports the diagnosis.',
    sources: ['dreissen2022', 'vandersalm2012'],
  },
  {
    id: 'mimic.E2.functional',
    when: is('E2', 'bereitschaftspotential_before_jerks'),
    mimic: 'functional',
    why: 'A Bereitschaftspotential before the jerks is a laboratory sign that supports functional jerks.',
    nextStep: 'Review the clinical features for functional jerks with the neurophysiologist.',
    caution: {
      when: is('E3', 'giant_SEP_and_or_C_reflex'),
      nextStep:
        'A Bereitschaftspotential and a giant SEP or C reflex point different ways: review both recordings with the neurophysiologist before concluding functional jerks or cortical myoclonus.',
    },
    sources: ['vandersalm2012', 'dreissen2022'],
  },
  {
    id: 'mimic.B6.physiological',
    when: is('B6', 'only_single_jerks_when_falling_asleep_healthy_person'),
    mimic: 'physiological',
    why: 'Single jerks while falling asleep in a healthy person are normal hypnic jerks.',
    nextStep: 'Reassurance is usually all that is needed, if the examination is normal.',
    // Concluded only when every precondition of the reassurance door is affirmatively met
    // (content/doors.ts): an unknown answer never opens it.
    reassuring: {
      nextStep:
        'Hypnic jerks are normal only in an otherwise healthy person with a normal examination, as single jerks on falling asleep. Not every finding that would rule that out is recorded as absent, so these jerks are not taken as physiological: assess what is listed first.',
    },
    sources: ['caviness2009', 'epilepsyFoundation'],
  },
];

/** What to do first for an acute or subacute onset. */
const urgentWorkUp = 'Look for the cause urgently: review the history and drugs, check glucose, electrolytes, renal and liver function, and consider imaging, EEG and cerebrospinal fluid.';

/** An acute or subacute onset that is not an abrupt onset long ago with a static or improving course since. */
const newOnset: TCondition = {
  all: [
    { question: 'C1', op: 'in', value: ['acute_hours_to_days', 'subacute_weeks'] },
    // Fail closed: only an onset recorded as over a year ago, with a course recorded as static or
    // improving, is not a new presentation. An unknown date or course raises the flag.
    { not: { all: [is('C1a', 'over_a_year_ago'), { question: 'C3', op: 'in', value: ['static_or_very_slow', 'improving'] }] } },
  ],
};

/** An established neuronal ceroid lipofuscinosis or Lafora disease. */
const nclOrLafora: TCondition = { all: [is('D1', 'PME'), { question: 'D1a', op: 'in', value: ['NCL', 'Lafora'] }] };
const childWithRegression: TCondition = {
  all: [is('C2', 'under_10'), { question: 'C4', op: 'includesAny', value: ['developmental_regression_or_vision_loss', 'cognitive_decline'] }],
};

export const redFlags: TContentInput['redFlags'] = [
  {
    id: 'flag.C1.acute',
    when: newOnset,
    flag: 'acute_or_subacute_onset',
    why: 'Onset over hours to weeks, recently or at an unknown date, suggests a reversible or urgent cause (drugs, metabolic, hypoxic, infectious, autoimmune, paraneoplastic, prion disease).',
    nextStep: urgentWorkUp,
    sources: ['caviness2004', 'zutt2015'],
  },
  {
    id: 'flag.C3.rapid',
    when: is('C3', 'rapidly_progressive_weeks_to_months'),
    flag: 'acute_or_subacute_onset',
    why: 'Marked worsening over weeks to months, whenever the jerks began, has the tempo of a reversible or urgent cause (prion disease, autoimmune or paraneoplastic encephalitis, drugs, metabolic disturbance).',
    nextStep: 'Investigate the cause without delay: MRI with diffusion-weighted images, EEG, cerebrospinal fluid (including markers of prion disease and neural antibodies), and a drug and metabolic review.',
    sources: ['caviness2004', 'zutt2015', 'vanderveen2022'],
  },
  {
    id: 'flag.C6.hypoxia-awake',
    when: has('C6', 'recent_hypoxia_awake_within_days'),
    flag: 'acute_or_subacute_onset',
    why: 'Myoclonus in a patient who has woken in the days after hypoxia may be early Lance-Adams syndrome. EEG separates myoclonic status from early Lance-Adams syndrome, and myoclonus alone is never a sign of the prognosis.',
    nextStep: 'Obtain an EEG with the jerks and review with the team caring for the patient after the arrest; do not read a prognosis from the myoclonus alone.',
    sources: ['nolan2021', 'elmer2016', 'gupta2016'],
  },
  {
    id: 'flag.C6.current-drug',
    when: has('C6', 'current_drug_known_to_cause_myoclonus'),
    flag: 'drug_induced',
    why: 'A drug now taken is known to cause myoclonus (for example gabapentin or pregabalin, above all in kidney failure, opioids, lithium, SSRIs), whenever it was started: drug-induced myoclonus and asterixis usually resolve when the drug is stopped or its dose corrected.',
    nextStep: 'Review the drug and its dose against kidney and liver function; consider stopping or reducing it and watch whether the jerks resolve.',
    sources: ['rissardo2025', 'janssen2017'],
  },
  {
    id: 'flag.C6.drug',
    when: has('C6', 'new_or_changed_drug'),
    flag: 'drug_induced',
    why: 'Many drugs cause myoclonus (for example opioids, antidepressants, antibiotics, gabapentinoids, lithium); it usually resolves when the drug is stopped.',
    nextStep: 'Review the new or changed drug; consider stopping it or restoring the earlier dose and watch whether the jerks resolve.',
    sources: ['janssen2017', 'rissardo2025'],
  },
  {
    id: 'flag.C6.metabolic',
    when: has('C6', 'metabolic_derangement'),
    flag: 'metabolic',
    why: 'Hepatic or uraemic encephalopathy, sodium or glucose disturbance and dialysis cause myoclonus and asterixis that resolve with correction.',
    nextStep: 'Correct the metabolic disturbance and review renally or hepatically cleared drugs; reassess the jerks once it is corrected.',
    sources: ['tohm2025'],
  },
  {
    id: 'flag.C6.hypoxia',
    when: has('C6', 'recent_hypoxia_still_comatose_or_within_days'),
    flag: 'acute_post_hypoxic',
    why: 'Myoclonus in a comatose or sedated patient days after hypoxia is acute post-hypoxic myoclonus, a different syndrome from Lance-Adams with a very different course. EEG separates its patterns, and myoclonus alone is never a sign of the prognosis.',
    nextStep: 'This is intensive care: obtain an EEG, treat seizures, and leave prognosis to a multimodal assessment after the arrest (not to the myoclonus). This tool is not for this decision.',
    sources: ['gupta2016', 'marcellino2020', 'nolan2021', 'elmer2016'],
  },
  {
    id: 'flag.C6.infection',
    when: has('C6', 'infection_or_autoimmune_or_paraneoplastic'),
    flag: 'infection_autoimmune_paraneoplastic',
    why: 'Infectious, autoimmune and paraneoplastic causes (such as opsoclonus-myoclonus) are treatable and may be urgent.',
    nextStep: 'Look for the infection, the immune cause or a tumour: cerebrospinal fluid, neural antibodies, imaging and a search for a cancer where indicated.',
    sources: ['zutt2015', 'caviness2004'],
  },
  {
    id: 'flag.C6.fever',
    when: has('C6', 'fever_or_acute_systemic_illness'),
    flag: 'infection_autoimmune_paraneoplastic',
    why: 'Fever or an acute systemic illness with new jerks raises an infection of the nervous system, sepsis or a drug or metabolic effect of the illness.',
    nextStep: 'Look for the infection (including of the nervous system) and for drug or metabolic effects of the illness; treat it and reassess.',
    sources: ['zutt2015', 'caviness2004'],
  },
  {
    id: 'flag.C4.opsoclonus',
    when: has('C4', 'opsoclonus'),
    flag: 'infection_autoimmune_paraneoplastic',
    why: 'Opsoclonus with myoclonus is paraneoplastic or post-infectious until shown otherwise (opsoclonus-myoclonus syndrome).',
    nextStep: 'Search for a tumour (in a child, neuroblastoma) and for an infectious or autoimmune cause: imaging, neural antibodies and cerebrospinal fluid.',
    sources: ['zutt2015', 'caviness2004'],
  },
  {
    id: 'flag.C4.rpd',
    when: has('C4', 'rapidly_progressive_dementia'),
    flag: 'rapidly_progressive_dementia',
    why: 'Rapidly progressive dementia with myoclonus raises prion disease or autoimmune encephalitis.',
    nextStep: 'MRI with diffusion-weighted images, EEG, and cerebrospinal fluid with prion markers and neural antibodies: autoimmune encephalitis is treatable.',
    sources: ['vanderveen2022'],
  },
  {
    id: 'flag.C4.focal',
    when: has('C4', 'new_focal_cortical_signs'),
    flag: 'new_focal_or_spinal_signs',
    why: 'New focal cortical signs need imaging for a structural lesion.',
    nextStep: 'Image the brain for a structural lesion (stroke, tumour, inflammation).',
    sources: ['kojovic2011'],
  },
  {
    id: 'flag.C4.spinal',
    when: {
      all: [
        has('C4', 'spinal_cord_signs'),
        // Cleared only by an imaged lesion of the spinal cord (question bank 1.2): a cord-lesion
        // diagnosis without imaging does not clear it.
        { not: { all: [has('C6', 'known_structural_lesion'), is('C6a', 'spinal_cord')] } },
      ],
    },
    flag: 'new_focal_or_spinal_signs',
    why: 'Spinal cord signs not explained by an imaged lesion of the spinal cord need imaging for cord compression or another structural cause.',
    nextStep: 'Image the spinal cord for compression or another structural cause; urgently if the signs are new or progressing.',
    sources: ['jankovic1986', 'kojovic2011'],
  },
  {
    id: 'flag.C2.child-regression',
    when: { all: [childWithRegression, { not: nclOrLafora }] },
    flag: 'child_with_regression',
    why: 'Myoclonus beginning in a child with regression, cognitive decline or failing vision needs a metabolic and genetic work-up first (for example a neuronal ceroid lipofuscinosis).',
    nextStep: 'A metabolic and genetic work-up first, with a paediatric neurologist: enzyme and genetic tests for the neuronal ceroid lipofuscinoses and other progressive myoclonus epilepsies, and eye examination.',
    sources: ['ilaePME', 'kalviainen2015'],
  },
  {
    // An established NCL or Lafora disease explains the regression: a note on the disease replaces
    // the work-up wording (question bank 1.2). The flag stays: a reversible cause may add to it.
    id: 'flag.C2.child-regression.ncl-lafora',
    when: { all: [childWithRegression, nclOrLafora] },
    flag: 'child_with_regression',
    why: 'Regression, cognitive decline or failing vision are part of an established neuronal ceroid lipofuscinosis or Lafora disease. No deep brain stimulation has been reported in these diseases.',
    nextStep: 'Disease-specific care comes first (for CLN2 disease, enzyme replacement with cerliponase alfa). Look for a superimposed reversible cause (drugs, metabolic disturbance, infection) if the course changes.',
    sources: ['ilaePME', 'kalviainen2015', 'schulz2018'],
  },
  {
    id: 'flag.C4.consciousness',
    when: has('C4', 'reduced_consciousness'),
    flag: 'reduced_consciousness',
    why: 'Myoclonus with reduced consciousness needs urgent assessment (hypoxic, metabolic, toxic or epileptic causes).',
    nextStep: 'Assess urgently: airway and vital signs, glucose, electrolytes and toxicology, and an EEG for non-convulsive or myoclonic status.',
    sources: ['gupta2016', 'caviness2004'],
  },
];

/** Red flags that call for urgent action: every later question page offers "See the red flags now". */
export const urgentRedFlags: TContentInput['urgentRedFlags'] = ['acute_post_hypoxic', 'reduced_consciousness', 'acute_or_subacute_onset'];

/** Any answer to C4 that records the associated features (all its options; "unknown" is not one). */
const C4_RECORDED = [
  'dystonia_neck_or_writers_cramp', 'epileptic_seizures', 'cerebellar_ataxia', 'cognitive_decline', 'developmental_regression_or_vision_loss',
  'rapidly_progressive_dementia', 'psychiatric_anxiety_ocd_alcohol_misuse', 'spinal_cord_signs', 'new_focal_cortical_signs', 'reduced_consciousness',
  'prior_facial_palsy_same_side', 'none',
];

const mdDiagnosis: TCondition = { question: 'D1', op: 'in', value: ['myoclonus_dystonia_SGCE_confirmed', 'myoclonus_dystonia_clinical'] };

export const warnings: TContentInput['warnings'] = [
  {
    id: 'warn.md.cortical-neurophysiology',
    warning: 'diagnosis_conflicts_with_findings',
    when: { all: [mdDiagnosis, { any: [is('E2', 'focal_cortical_spike_before_jerk'), is('E2', 'generalized_spike_wave_locked_to_jerks'), is('E3', 'giant_SEP_and_or_C_reflex')] }] },
    why: 'Myoclonus-dystonia is a subcortical myoclonus, but the neurophysiology shows a cortical or epileptic signature.',
    reconcile: 'Review the neurophysiology and the diagnosis together: genetic confirmation (SGCE), and a cortical cause such as a progressive myoclonus epilepsy.',
    sources: ['genereviewsSGCE', 'merchant2020'],
  },
  {
    id: 'warn.md.deficits',
    warning: 'diagnosis_conflicts_with_findings',
    when: {
      all: [
        mdDiagnosis,
        { question: 'C4', op: 'includesAny', value: ['epileptic_seizures', 'cerebellar_ataxia', 'cognitive_decline', 'developmental_regression_or_vision_loss', 'rapidly_progressive_dementia'] },
      ],
    },
    why: 'Myoclonus-dystonia brings no neurological deficits besides dystonia, yet seizures, ataxia, cognitive decline or regression are recorded.',
    reconcile: 'Reconsider the diagnosis: these features point to a progressive myoclonus epilepsy or a neurodegenerative disease; genetic confirmation (SGCE) helps.',
    sources: ['genereviewsSGCE', 'asmus2002', 'kalviainen2015'],
  },
  {
    id: 'warn.md.clinical-late-or-progressive',
    warning: 'diagnosis_conflicts_with_findings',
    when: {
      all: [
        is('D1', 'myoclonus_dystonia_clinical'),
        { any: [{ question: 'C2', op: 'in', value: ['21_to_50', 'over_50'] }, { question: 'C3', op: 'in', value: ['progressive', 'rapidly_progressive_weeks_to_months'] }] },
      ],
    },
    why: 'Myoclonus-dystonia almost always begins by the age of 20 and does not progress after early adulthood, yet these jerks began later, or the course is progressive, and the diagnosis is not genetically confirmed.',
    reconcile: 'Look for another cause of the jerks (a progressive or acquired one above all) and consider genetic testing (SGCE) before the diagnosis drives anything.',
    sources: ['genereviewsSGCE', 'asmus2002'],
  },
  {
    id: 'warn.md.recessive-stimulus-sensitive',
    warning: 'diagnosis_conflicts_with_findings',
    when: {
      all: [
        mdDiagnosis,
        is('C5', 'affected_siblings_or_parental_consanguinity'),
        { question: 'B3', op: 'includesAny', value: ['touch_or_stretch_local_jerk', 'visual_or_flashing_light'] },
      ],
    },
    why: 'Affected siblings or related parents with jerks triggered by touch or light point to a recessive progressive myoclonus epilepsy such as Unverricht-Lundborg disease, which can be mistaken for myoclonus-dystonia; myoclonus-dystonia is dominant and not stimulus-sensitive.',
    reconcile: 'Consider Unverricht-Lundborg disease (CSTB testing) and neurophysiology for a cortical generator before the diagnosis drives anything.',
    sources: ['kalviainen2015', 'genereviewsSGCE'],
  },
  {
    id: 'warn.md.cortical-leads',
    warning: 'diagnosis_conflicts_with_findings',
    when: mdDiagnosis,
    leading: ['cortical'],
    why: 'Myoclonus-dystonia is a subcortical myoclonus, yet cortical leads the ranking of these answers.',
    reconcile: 'Review the examination against the diagnosis: a cortical myoclonus (a progressive myoclonus epilepsy, say) can be mistaken for myoclonus-dystonia. Neurophysiology and genetic confirmation (SGCE) separate them.',
    sources: ['genereviewsSGCE', 'merchant2020'],
  },
  {
    id: 'warn.md.category',
    warning: 'diagnosis_conflicts_with_findings',
    when: mdDiagnosis,
    outsideCategories: ['subcortical-nonsegmental'],
    why: 'Myoclonus-dystonia is a subcortical (subcortical-nonsegmental) myoclonus, but the answers point to another physiological category.',
    reconcile: 'Review the examination and any neurophysiology against the diagnosis (genetic confirmation, SGCE), and consider another cause of this pattern of jerks.',
    sources: ['genereviewsSGCE'],
  },
  {
    id: 'warn.pme.no-defining-features',
    warning: 'diagnosis_conflicts_with_findings',
    when: {
      all: [
        is('D1', 'PME'),
        {
          any: [
            // Associated features recorded, epileptic seizures not among them.
            { all: [{ question: 'C4', op: 'includesAny', value: C4_RECORDED }, { not: has('C4', 'epileptic_seizures') }] },
            is('C3', 'improving'),
          ],
        },
      ],
    },
    why: 'Progressive myoclonus epilepsy is defined by action myoclonus with epileptic seizures and progressive neurological decline, yet the associated features recorded leave out epileptic seizures, or the course is improving.',
    reconcile: 'Check the associated features (seizures, ataxia, cognitive decline), the course and the diagnosis before the diagnosis drives anything.',
    sources: ['kalviainen2015', 'ilaePME'],
  },
  {
    id: 'warn.pme.acquired-cause',
    warning: 'diagnosis_conflicts_with_findings',
    when: { all: [is('D1', 'PME'), { question: 'C6', op: 'includesAny', value: ['remote_hypoxia_now_awake', 'known_structural_lesion'] }] },
    why: 'A progressive myoclonus epilepsy is a genetic disease, yet past hypoxia (Lance-Adams syndrome) or a structural lesion is recorded, which explains myoclonus and seizures without one.',
    reconcile: 'Reconsider the diagnosis against the hypoxic or structural cause (chronic post-hypoxic myoclonus; a focal lesion, such as Rasmussen encephalitis) before it drives anything.',
    sources: ['gupta2016', 'kojovic2011', 'kalviainen2015'],
  },
  {
    id: 'warn.pme.focal',
    warning: 'diagnosis_conflicts_with_findings',
    when: { all: [is('D1', 'PME'), is('A1', 'focal')] },
    why: 'The myoclonus of a progressive myoclonus epilepsy is multifocal or generalized, yet these jerks are focal: focal cortical myoclonus almost always arises from a lesion of the cortex (epilepsia partialis continua, Rasmussen encephalitis).',
    reconcile: 'Image the cortex and reconsider the diagnosis before it drives anything.',
    sources: ['kojovic2011', 'kalviainen2015'],
  },
];

/**
 * Epilepsia partialis continua without neurophysiology: focal jerks of the hand or face with
 * seizures or a cortical sign keep cortical open, whatever rhythm and sleep persistence add (brief
 * §1(a).2: continuous focal cortical myoclonus is epilepsia partialis continua, and focal cortical
 * myoclonus almost always means a lesion of the sensorimotor cortex).
 */
export const keepOpen: TContentInput['keepOpen'] = [
  {
    id: 'open.epc',
    when: {
      all: [
        is('A1', 'focal'),
        { question: 'A2', op: 'includesAny', value: ['hands_fingers', 'face_bilateral_or_perioral', 'one_side_face_facial_nerve_territory'] },
        {
          any: [
            { question: 'C4', op: 'includesAny', value: ['epileptic_seizures', 'new_focal_cortical_signs'] },
            is('C6a', 'cortex'),
          ],
        },
      ],
    },
    category: 'cortical',
    why: 'Focal jerks of the hand or face with seizures or a cortical sign may be epilepsia partialis continua, a continuous, often rhythmic cortical myoclonus that can persist in sleep: without neurophysiology the bedside cannot exclude a cortical generator.',
    sources: ['kojovic2011', 'merchant2020'],
  },
];

/** Questions `missing` asks for first while a condition holds. */
export const askFirst: TContentInput['askFirst'] = [
  {
    id: 'ask.C6.negative-myoclonus',
    when: { question: 'G1', op: 'in', value: ['negative_lapses', 'both'] },
    question: 'C6',
    why: 'Negative myoclonus (asterixis) points first to drugs and metabolic disturbance: record the current drugs and the metabolic state.',
    sources: ['eberhardt2017', 'rissardo2025', 'tohm2025'],
  },
];

/**
 * The DBS statements cite the peer-reviewed reports (brief §1(c)); the seed article is cited only
 * where it is corrected (question bank 1.2; a content check enforces it).
 */
const firstLine = (sources: string[]) => ({
  kind: 'first-line' as const,
  // The team assessment is the disclaimer's (text.ts, `dbs`), shown with every DBS discussion.
  text: 'Surgery is not a first-line treatment for myoclonus. The published reports concern disabling myoclonus that had not responded to adequate medical treatment.',
  sources,
});

export const dbs: TContentInput['dbs'] = [
  {
    diagnosis: 'myoclonus-dystonia',
    label: 'Myoclonus-dystonia',
    when: { question: 'D1', op: 'in', value: ['myoclonus_dystonia_SGCE_confirmed', 'myoclonus_dystonia_clinical'] },
    targets: ['GPi'],
    summary: 'For myoclonus-dystonia, published case series and pooled analyses of individual cases report stimulation of the internal globus pallidus (GPi), the target the source article names.',
    evidenceLevel: 'Case reports, small series and pooled analyses of individual cases; no randomised trials.',
    targetEvidence: {
      GPi: 'pooled analyses of published individual cases (40 and 71 patients) and small series of bilateral implantation; no randomised or controlled trials.',
    },
    sources: ['rughani2013', 'neurosurgRev2019', 'gruber2010', 'azoulay2011'],
    notes: [
      { id: 'md.first-line', ...firstLine(['kojovic2011', 'rughani2013', 'gruber2010']) },
      {
        id: 'md.evidence',
        kind: 'evidence',
        text: 'A review of 40 published patients reported a mean 72.6% improvement on the Unified Myoclonus Rating Scale (GPi 75.7%, VIM 70.4%); an individual-patient meta-analysis of 71 patients reported 79.5 ± 18.2%. These are uncontrolled, published cases.',
        sources: ['rughani2013', 'neurosurgRev2019'],
      },
      {
        id: 'md.vim',
        kind: 'target-caveat',
        text: 'The literature also reports stimulation of the ventral intermediate nucleus of the thalamus (VIM), alone or with GPi. Pallidal stimulation had fewer stimulation-related adverse effects.',
        sources: ['rughani2013', 'gruber2010', 'neurosurgRev2019'],
      },
      {
        id: 'md.genetics',
        kind: 'caveat',
        when: is('D1', 'myoclonus_dystonia_clinical'),
        text: 'The diagnosis is clinical: genetic confirmation (SGCE) is advisable. Published series include at least one SGCE-negative patient.',
        sources: ['genereviewsSGCE', 'gruber2010'],
      },
      {
        id: 'md.neuropsychology',
        kind: 'caveat',
        text: 'Published teams stress a pre-operative neuropsychological and psychiatric assessment, given the psychiatric features of myoclonus-dystonia.',
        sources: ['fernandez2016', 'genereviewsSGCE'],
      },
      {
        id: 'md.staging',
        kind: 'source-correction',
        text: 'The source article says the operation may be staged, one hemisphere at a time. The larger published series implanted both sides at once; staging appears only in single case reports, not as a standard approach. It does not mention the thalamic (VIM) target.',
        sources: ['seed', 'gruber2010', 'azoulay2011'],
      },
      {
        id: 'md.correction',
        kind: 'source-correction',
        text: 'The source article describes myoclonus-dystonia by startle and co-contraction, and lists generator sites (“brainstem, palladium, thalamus and neocortex”) that are its generic sites for subcortical myoclonus, misspelling pallidum. The recognised hallmarks of myoclonus-dystonia are alcohol-responsive jerks of the neck, trunk and arms with mild cervical dystonia or writer’s cramp, starting in childhood. The target it names, the internal globus pallidus, is correct.',
        sources: ['seed', 'genereviewsSGCE'],
      },
    ],
  },
  {
    diagnosis: 'PME',
    label: 'Progressive myoclonus epilepsy',
    when: is('D1', 'PME'),
    targets: ['SNr', 'STN'],
    summary: 'For progressive myoclonus epilepsy, single reported patients and a small series describe stimulation of the substantia nigra pars reticulata (SNr), or of the border between the subthalamic nucleus and the SNr.',
    evidenceLevel: 'Single patients and series of up to five, without controls.',
    targetEvidence: {
      SNr: 'one reported patient (selective SNr stimulation suppressed action myoclonus), with a literature review.',
      STN: 'one series of five patients (a conference abstract) and small published series; no controls.',
    },
    sources: ['vesper2007aes', 'epilepticDisord2019'],
    notes: [
      { id: 'pme.first-line', ...firstLine(['kojovic2011', 'vesper2007aes', 'epilepticDisord2019']) },
      {
        id: 'pme.evidence',
        kind: 'evidence',
        text: 'In five patients stimulated in the SNr/STN border region, myoclonic seizures fell by 50–80% in intensity and frequency at 12 months; benefit was delayed and programming took months.',
        sources: ['vesper2007aes'],
      },
      {
        id: 'pme.stn',
        kind: 'target-caveat',
        text: 'Stimulation of the subthalamic nucleus proper worsened myoclonus and gait in the one reported comparison, where the border zone helped slightly: reports favour the SNr or the STN/SNr border over the subthalamic nucleus itself.',
        sources: ['epilepticDisord2019'],
      },
      {
        id: 'pme.progressive',
        kind: 'caveat',
        text: 'The disease remains progressive, and the stimulated nuclei are not where the jerks arise (usually the cortex).',
        sources: ['kalviainen2015', 'malek2015'],
      },
      {
        id: 'pme.correction',
        kind: 'source-correction',
        text: 'The source article names the targets as the substantia nigra “pars reticulate” (pars reticulata) or the subthalamic nucleus, and speaks of “tremendous recovery”; the published evidence is a few uncontrolled cases and does not support that claim, and the subthalamic nucleus proper worsened myoclonus in one. It also names speech and walking difficulties as the main symptoms, whereas the defining features are action myoclonus, epileptic seizures and progressive neurological decline.',
        sources: ['seed', 'kalviainen2015', 'ilaePME', 'epilepticDisord2019'],
      },
    ],
  },
];
