/**
 * What changed in each content version, one entry per changed rule or question, with its source.
 * A test checks that every id named here exists in the bundle, so the log cannot drift from it.
 */
export type TChange = {
  /** Rule, question or option ids (as `Q.option`) the entry is about. */
  ids: readonly string[];
  change: string;
  sources: readonly string[];
};

export type TRelease = { version: string; date: string; summary: string; changes: readonly TChange[] };

export const changelog: readonly TRelease[] = [
  {
    version: '1.2.0',
    date: '2026-12-06',
    summary:
      'Question bank 1.2: safety fails closed. What could lead you to act (deep brain stimulation targets, reassurance, “Go to the summary”) opens only when each of its preconditions is answered; the safety screen is asked after every answer to the first section, so a mimic never hides a red flag.',
    changes: [
      { ids: ['C'], change: 'The safety screen is asked after every answer to the first section, a mimic included: a mimic closes the bedside sections and the diagnoses, never the questions that raise red flags. A mimic result says whether red flags are raised, the screen was answered with none, or it was not completed. The screen is never skipped in one press.', sources: ['caviness2004', 'zutt2015'] },
      { ids: ['E', 'mimic.G1.tremor'], change: 'Neurophysiology stays open after a “tremor” answer (unless a tic or functional answer closes it too: FHIR enableWhen is a flat list), and a focal cortical spike or a giant SEP beside it sets the tremor aside as conflicting: cortical tremor is rhythmic cortical myoclonus, and asterixis is negative myoclonus.', sources: ['brown1996', 'vanderveen2022'] },
      { ids: ['C1a', 'flag.C1.acute'], change: 'New question: when an acute or subacute onset was. An abrupt onset over a year ago with a static or improving course is no new presentation; an unknown date or course still raises the flag.', sources: ['caviness2004', 'zutt2015'] },
      { ids: ['C4.opsoclonus', 'flag.C4.opsoclonus', 'C6.fever_or_acute_systemic_illness', 'flag.C6.fever'], change: 'New options: opsoclonus, and fever or an acute systemic illness, raise the infectious, autoimmune or paraneoplastic red flag.', sources: ['zutt2015', 'caviness2004'] },
      { ids: ['C6.recent_hypoxia_awake_within_days', 'flag.C6.hypoxia-awake', 'C6.recent_hypoxia_still_comatose_or_within_days', 'flag.C6.hypoxia'], change: 'Recent hypoxia is split: still comatose or sedated (acute post-hypoxic myoclonus) and now awake within days (an early Lance-Adams picture, an acute-onset flag). Both say that EEG separates myoclonic status from early Lance-Adams syndrome and that myoclonus alone is never prognostic.', sources: ['nolan2021', 'elmer2016', 'gupta2016'] },
      { ids: ['flag.C4.spinal'], change: 'Spinal cord signs are cleared only by an imaged lesion of the spinal cord (a known lesion whose site is the spinal cord); a cord-lesion diagnosis alone no longer clears them.', sources: ['jankovic1986', 'kojovic2011'] },
      { ids: ['flag.C2.child-regression.ncl-lafora'], change: 'An established neuronal ceroid lipofuscinosis or Lafora disease replaces the work-up wording of the regression flag by a note on the disease (disease-specific care such as cerliponase alfa for CLN2; a superimposed reversible cause), and no target is discussed.', sources: ['ilaePME', 'schulz2018'] },
      { ids: ['warn.md.clinical-late-or-progressive', 'warn.md.recessive-stimulus-sensitive', 'warn.md.cortical-leads', 'warn.pme.acquired-cause', 'warn.pme.focal'], change: 'New diagnosis-consistency warnings: a clinical myoclonus-dystonia beginning at 21 or later or progressing; myoclonus-dystonia with affected siblings or related parents and touch or light sensitivity (Unverricht-Lundborg disease); myoclonus-dystonia with cortical leading the ranking; a PME label beside past hypoxia or a structural lesion, or with focal jerks (Lance-Adams syndrome, Rasmussen encephalitis).', sources: ['genereviewsSGCE', 'asmus2002', 'kalviainen2015', 'gupta2016', 'kojovic2011'] },
      { ids: ['md.first-line', 'pme.first-line', 'md.staging', 'pme.correction', 'D1.myoclonus_dystonia_SGCE_confirmed', 'D1.myoclonus_dystonia_clinical', 'D1.PME'], change: 'Each deep brain stimulation statement cites the peer-reviewed reports; the source article is cited only where it is corrected, never as evidence for a rule. The PME targets read “SNr, or the STN/SNr border”, each with its level of evidence.', sources: ['rughani2013', 'vesper2007aes', 'epilepticDisord2019'] },
      { ids: ['mimic.B6.physiological'], change: 'Hypnic jerks are concluded only when every precondition of reassurance is recorded: positive jerks, the safety screen answered with nothing pathological, and jerks awake, stimulus sensitivity, persistence in sleep, a focal or multifocal distribution, an established diagnosis and abnormal neurophysiology each recorded as absent.', sources: ['caviness2009', 'epilepsyFoundation'] },
      { ids: ['open.epc'], change: 'Without neurophysiology, focal jerks of the hand or face with seizures or a cortical sign keep cortical open (epilepsia partialis continua), whatever rhythm and sleep persistence add.', sources: ['kojovic2011', 'merchant2020'] },
      { ids: ['A3.distal_more_than_proximal', 'B3.touch_or_stretch_local_jerk', 'A1.segmental_contiguous', 'A1.generalized_bilateral_synchronous', 'B6.clusters_after_awakening', 'A2.one_side_face_facial_nerve_territory', 'A3.single_nerve_or_root_territory', 'B3.tap_face_or_sternum_generalized_jerk', 'B3.sudden_noise_startle', 'A3.upper_body_neck_trunk_arms_legs_spared', 'C4.dystonia_neck_or_writers_cramp', 'A2.palate_throat', 'G1.negative_lapses', 'G1.both'], change: 'Bedside hallmarks: without neurophysiology supporting the leader, a category is not decided while an answer is the hallmark of another (rhythm is none: cortical jerks can be rhythmic too, as in epilepsia partialis continua; nor is the response to alcohol, which is not specific).', sources: ['kojovic2011', 'merchant2020', 'vanderveen2022'] },
      { ids: ['G1.regular_oscillation_only', 'G2', 'G3'], change: 'Wording: the tremor option excludes asterixis and cortical tremor; a premonitory urge (not suppression alone) marks tics; functional features need two or more positive signs, an abrupt onset alone is none.', sources: ['vanderveen2022', 'dreissen2022', 'tohm2025'] },
      { ids: ['D2'], change: 'A refractoriness left unknown no longer lists the targets (it was the one door an unknown opened): the panel says that deep brain stimulation is discussed only for disabling myoclonus refractory to adequate treatment, and asks the question.', sources: ['kojovic2011', 'rughani2013'] },
      { ids: ['D1'], change: 'What would change the result never proposes a diagnosis only because it would raise a warning.', sources: ['zutt2015'] },
      { ids: ['C6.current_drug_known_to_cause_myoclonus'], change: 'The hint adds lamotrigine, which can worsen myoclonus in juvenile myoclonic epilepsy and Dravet syndrome.', sources: ['guerrini1998', 'crespel2005'] },
    ],
  },
  {
    version: '1.1.1',
    date: '2026-11-28',
    summary:
      'Safety: the deep brain stimulation discussion is withheld wherever the findings contradict the established diagnosis, not only where the neurophysiology does.',
    changes: [
      { ids: ['warn.md.category'], change: 'Myoclonus-dystonia conflicts with a result that keeps no subcortical-nonsegmental category open (a cortical or segmental result, say): no target is discussed until it is reconciled.', sources: ['genereviewsSGCE', 'seed'] },
      { ids: ['mimic.B6.physiological'], change: 'Hypnic jerks are not concluded either beside jerks awake at rest or on action, stimulus sensitivity, jerks persisting in sleep, a focal or multifocal distribution, bursts under 50 ms, or while the safety questions (C1, C3, C4, C6) are not answered.', sources: ['caviness2009', 'epilepsyFoundation'] },
      { ids: ['C6.current_drug_known_to_cause_myoclonus'], change: 'The hint no longer says valproate and carbamazepine worsen Unverricht-Lundborg disease (phenytoin does), and says a drug given to treat the myoclonus is not meant unless it may be causing or worsening it.', sources: ['rissardo2025', 'kalviainen2015'] },
      { ids: ['mimic.E2.functional'], change: 'A Bereitschaftspotential beside a giant SEP or C reflex is not concluded as functional jerks: the findings conflict, and the result is indeterminate until the recordings are reviewed together.', sources: ['vandersalm2012', 'merchant2020'] },
      { ids: ['md.first-line', 'pme.first-line'], change: 'The first-line note no longer cites a treatment review for the specialist team assessment, which is the disclaimer’s own wording.', sources: ['seed'] },
      { ids: ['warn.pme.no-defining-features'], change: 'A PME diagnosis conflicts with the findings whenever the associated features recorded leave out epileptic seizures, or the course is improving (not only when none is recorded).', sources: ['kalviainen2015', 'ilaePME'] },
    ],
  },
  {
    version: '1.1.0',
    date: '2026-11-27',
    summary:
      'Question bank 1.1: safety first. Red flags are never hidden by a mimic, the deep brain stimulation discussion is withheld where it is not safe, and definitive neurophysiology outranks bedside sums.',
    changes: [
      { ids: ['C'], change: 'The safety screen (course, context, associated features) is asked right after the gate, before the phenomenology.', sources: ['caviness2004', 'zutt2015'] },
      { ids: ['flag.C6.current-drug', 'C6.current_drug_known_to_cause_myoclonus'], change: 'New option: a drug now taken that is known to cause myoclonus, whatever its start date, raises the drug red flag.', sources: ['rissardo2025', 'janssen2017'] },
      { ids: ['flag.C3.rapid', 'C3.rapidly_progressive_weeks_to_months'], change: 'New option: marked worsening over weeks to months raises the acute or subacute red flag, whenever the jerks began.', sources: ['caviness2004', 'zutt2015', 'vanderveen2022'] },
      { ids: ['flag.C2.child-regression', 'C4.developmental_regression_or_vision_loss'], change: 'New option and red flag: a child under 10 with regression, cognitive decline or failing vision.', sources: ['ilaePME', 'kalviainen2015'] },
      { ids: ['C1'], change: 'The onset question asks for the tempo, not for how long ago the jerks began.', sources: ['caviness2004'] },
      { ids: ['mimic.B6.physiological'], change: 'Hypnic jerks are not concluded (and never called reassuring) beside a red flag, neurological findings, a progressive course, an established diagnosis or definitive neurophysiology; a Bereitschaftspotential outranks them.', sources: ['caviness2009', 'epilepsyFoundation'] },
      { ids: ['ask.C6.negative-myoclonus'], change: 'With negative myoclonus (asterixis), the context of onset is the first missing answer asked for.', sources: ['eberhardt2017', 'rissardo2025', 'tohm2025'] },
      { ids: ['warn.md.cortical-neurophysiology', 'warn.md.deficits', 'warn.pme.no-defining-features'], change: 'New warnings: a myoclonus-dystonia diagnosis that the neurophysiology or recorded deficits contradict, and a PME diagnosis with none of its defining features; no target is discussed until it is reconciled.', sources: ['genereviewsSGCE', 'asmus2002', 'merchant2020'] },
      { ids: ['D2'], change: 'No target is discussed when the myoclonus is recorded as not refractory (D2 = no); when D2 is unknown the targets are listed, led by the note that refractoriness is not established.', sources: ['seed'] },
      { ids: ['md.vim', 'pme.stn'], change: 'The VIM report and the STN caveat are caveats on the targets themselves, shown beside them.', sources: ['rughani2013', 'epilepticDisord2019'] },
      { ids: ['md.correction'], change: 'The correction of the seed article now says where “palladium” appears: among its generic generator sites, not as the target.', sources: ['seed'] },
      { ids: ['A1.multifocal_independent', 'A2.hands_fingers', 'A3.distal_more_than_proximal'], change: 'Distal, hand and multifocal jerks count once, as one cortical distribution.', sources: ['kojovic2011'] },
      { ids: ['B1.yes', 'B1.no', 'B5.yes', 'B5.no'], change: 'Presence at rest and persistence in sleep count once, as one feature.', sources: ['jankovic1986'] },
      { ids: ['E2.focal_cortical_spike_before_jerk', 'E2.generalized_spike_wave_locked_to_jerks', 'E3.giant_SEP_and_or_C_reflex', 'E4.starts_SCM_or_trapezius_spreads_up_and_down', 'E4.single_nerve_territory_or_lateral_spread'], change: 'One category’s definitive neurophysiology decides the lead whatever the bedside sum (unless its score is too low); neurophysiological findings with no category in common, or that exclude the bedside leader, make the result indeterminate.', sources: ['merchant2020', 'vanderveen2022', 'peripheralChapter'] },
      { ids: ['E1.under_50ms'], change: 'Bursts under 50 ms also weigh against a peripheral generator.', sources: ['eberhardt2017', 'burst2024'] },
      { ids: ['flag.C4.spinal'], change: 'Spinal cord signs are explained away only by a cord lesion (D1, or a known lesion whose site is the spinal cord), not by any lesion.', sources: ['jankovic1986', 'kojovic2011'] },
      { ids: ['B3.none'], change: 'No stimulus sensitivity also counts slightly for subcortical-nonsegmental myoclonus (myoclonus-dystonia).', sources: ['genereviewsSGCE'] },
      { ids: ['C6.current_drug_known_to_cause_myoclonus'], change: 'The hint names antiseizure drugs too.', sources: ['rissardo2025'] },
      { ids: ['A3.E1.nerve-territory-long-bursts'], change: 'Long bursts confined to one nerve or root territory point to the nerve or root.', sources: ['peripheralChapter', 'eberhardt2017'] },
      { ids: ['C6a', 'C6a.cortex', 'C6a.brainstem', 'C6a.spinal_cord', 'C6a.root_plexus_or_nerve'], change: 'New question: the site of a known lesion adds weight to the category of that site.', sources: ['kojovic2011', 'jankovic1986', 'peripheralChapter'] },
      { ids: ['C3.rapidly_progressive_weeks_to_months', 'C4.developmental_regression_or_vision_loss'], change: 'The new options also count as cortical evidence (prion and autoimmune disease; neuronal ceroid lipofuscinoses).', sources: ['vanderveen2022', 'kalviainen2015'] },
    ],
  },
];
