/**
 * Reasons written for one category. An evidence rule has one `why`; a rule that moves several
 * categories needs a sentence that fits each of them ("argues against segmental" is no reason shown
 * under Cortical). The result model takes the sentence written here for a rule and a category, and
 * falls back to the rule's `why`. Written in this project's own words after brief §1(a) and §1(b).3;
 * the sources are the rule's own. `reasons.test.ts` checks every key names an existing rule and a
 * category that rule moves.
 */
import type { TCategory } from './schema';

export type TCategoryReasons = Readonly<Record<string, Partial<Readonly<Record<TCategory, string>>>>>;

export const categoryReasons: TCategoryReasons = {
  'A1.focal': {
    cortical: 'Focal jerks fit a cortical generator, as with a lesion of the sensorimotor cortex.',
    segmental: 'Focal jerks fit a segmental generator confined to one or a few segments.',
    peripheral: 'Focal jerks fit a peripheral generator confined to one nerve, plexus or root.',
    'cortical-subcortical': 'Focal jerks argue against generalized epileptic myoclonus, whose jerks are bilateral and synchronous.',
  },
  'A1.multifocal_independent': {
    cortical: 'Independent multifocal jerks are typical of cortical myoclonus.',
    segmental: 'Independent jerks in several regions argue against a generator confined to adjacent segments.',
    peripheral: 'Independent jerks in several regions argue against a generator in one nerve, plexus or root.',
  },
  'A1.generalized_bilateral_synchronous': {
    'cortical-subcortical': 'Bilateral synchronous jerks are typical of generalized epileptic (cortical-subcortical) myoclonus.',
    'subcortical-nonsegmental': 'Bilateral synchronous jerks also occur with a brainstem generator, such as reticular reflex myoclonus.',
    segmental: 'Generalized jerks argue against a generator confined to one or a few segments.',
    peripheral: 'Generalized jerks argue against a generator in one nerve, plexus or root.',
  },
  'A1.generalized_asynchronous': {
    cortical: 'Widespread asynchronous jerks occur in cortical myoclonus that spreads beyond one region.',
    'subcortical-nonsegmental': 'Widespread asynchronous jerks also occur with subcortical generators.',
  },
  'A2.shoulders_proximal_arms': {
    'cortical-subcortical': 'Shoulder and upper-arm jerks are typical of juvenile myoclonic epilepsy.',
    'subcortical-nonsegmental': 'Shoulder and upper-arm jerks are typical of myoclonus-dystonia.',
  },
  'A2.trunk_abdomen': {
    'subcortical-nonsegmental': 'Trunk jerks occur in brainstem reticular myoclonus.',
    segmental: 'Trunk jerks occur in propriospinal and spinal segmental myoclonus.',
  },
  'A3.proximal_axial_more_than_distal': {
    'subcortical-nonsegmental': 'Proximal and axial predominance fits brainstem myoclonus.',
    segmental: 'Proximal and axial predominance fits propriospinal myoclonus.',
    'cortical-subcortical': 'Proximal predominance fits generalized epileptic myoclonus, mostly of the shoulders and arms.',
  },
  'B1.yes': {
    segmental: 'Segmental myoclonus is mostly present at complete rest.',
    peripheral: 'Peripheral myoclonus, such as hemifacial spasm, is present at rest.',
    'cortical-subcortical': 'Epileptic myoclonus occurs spontaneously, at rest.',
  },
  'B1.no': {
    cortical: 'Jerks that need action rather than rest fit cortical action myoclonus.',
    'subcortical-nonsegmental': 'Jerks absent at rest fit myoclonus-dystonia, brought on by action and posture.',
    segmental: 'Absence at rest argues against segmental myoclonus, which is mostly present at rest.',
    peripheral: 'Absence at rest argues against peripheral myoclonus, which is present at rest.',
  },
  'B2.yes': {
    cortical: 'Action myoclonus is the hallmark of cortical myoclonus.',
    'subcortical-nonsegmental': 'Jerks brought on by action and posture occur in myoclonus-dystonia.',
    segmental: 'Jerks brought on by action argue against segmental myoclonus, which action little affects.',
    peripheral: 'Jerks brought on by action argue against peripheral myoclonus, which action little affects.',
  },
  'B3.visual_or_flashing_light': {
    'cortical-subcortical': 'Jerks provoked by flashing light are typical of generalized epilepsies such as juvenile myoclonic epilepsy.',
    cortical: 'Visual stimuli can also provoke cortical reflex myoclonus.',
  },
  'B3.none': {
    segmental: 'Segmental myoclonus is little affected by stimuli.',
    peripheral: 'Peripheral myoclonus is little affected by stimuli.',
  },
  'B5.yes': {
    segmental: 'Persistence in sleep is typical of segmental myoclonus.',
    peripheral: 'Persistence in sleep is typical of hemifacial spasm, a peripheral form.',
    cortical: 'Cortical myoclonus usually stops in sleep.',
    'subcortical-nonsegmental': 'Subcortical myoclonus usually stops in sleep.',
  },
  'B5.no': {
    segmental: 'Segmental myoclonus often persists in sleep; these jerks stop.',
    peripheral: 'Peripheral myoclonus such as hemifacial spasm persists in sleep; these jerks stop.',
  },
  'C2.over_50': {
    cortical: 'Onset after 50 favours degenerative or symptomatic causes, usually with cortical physiology.',
    peripheral: 'Onset after 50 is typical of hemifacial spasm, a peripheral form.',
  },
  'C4.epileptic_seizures': {
    'cortical-subcortical': 'Seizures accompany epileptic (cortical-subcortical) myoclonus.',
    cortical: 'Seizures accompany the progressive myoclonus epilepsies, whose myoclonus is usually cortical.',
  },
  'C6a.brainstem': {
    'subcortical-nonsegmental': 'A brainstem lesion fits brainstem reticular myoclonus, a subcortical form.',
    segmental: 'A brainstem lesion fits palatal myoclonus (palatal tremor), a segmental form.',
  },
  'D1.PME': {
    cortical: 'Myoclonus in progressive myoclonus epilepsy is usually cortical.',
    'cortical-subcortical': 'Myoclonus in progressive myoclonus epilepsy is sometimes cortical-subcortical, with generalized discharges.',
  },
  'E1.under_50ms': {
    cortical: 'Bursts under 50 ms are typical of cortical myoclonus (a 45 ms cut-off separated cortical from non-cortical myoclonus in one study).',
    'cortical-subcortical': 'Short bursts also occur in epileptic (cortical-subcortical) myoclonus.',
    segmental: 'Bursts under 50 ms argue against segmental myoclonus, whose bursts are usually over 100 ms.',
    'subcortical-nonsegmental': 'Bursts under 50 ms argue against subcortical myoclonus, whose bursts are longer.',
    peripheral: 'Bursts under 50 ms argue against a peripheral generator.',
  },
  'E1.50_to_100ms': {
    'cortical-subcortical': 'Bursts of 50–100 ms fit epileptic (cortical-subcortical) myoclonus.',
    'subcortical-nonsegmental': 'Bursts of 50–100 ms fit subcortical myoclonus, longer than cortical bursts.',
  },
  'E1.over_100ms': {
    'subcortical-nonsegmental': 'Bursts over 100 ms are typical of brainstem myoclonus.',
    segmental: 'Bursts over 100 ms are typical of segmental myoclonus.',
    cortical: 'Bursts over 100 ms argue against a cortical origin, whose bursts are under 50 ms.',
    'cortical-subcortical': 'Bursts over 100 ms argue against epileptic (cortical-subcortical) myoclonus.',
  },
  'E2.no_eeg_correlate': {
    cortical: 'No EEG correlate on back-averaging argues against cortical myoclonus.',
    'cortical-subcortical': 'No EEG correlate argues against epileptic (cortical-subcortical) myoclonus.',
    'subcortical-nonsegmental': 'No EEG correlate fits a generator below the cortex, such as the brainstem.',
    segmental: 'No EEG correlate fits a segmental generator in the brainstem or spinal cord.',
    peripheral: 'No EEG correlate fits a peripheral generator.',
  },
};
