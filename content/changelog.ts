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
    version: '1.1.1',
    date: '2026-11-28',
    summary:
      'A clinical review: the deep brain stimulation discussion is withheld wherever the findings contradict the established diagnosis, not only where the neurophysiology does.',
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
      { ids: ['md.refractory', 'pme.refractory'], change: 'No target is discussed when the myoclonus is recorded as not refractory (D2 = no); when D2 is unknown the targets are listed, led by the note that refractoriness is not established.', sources: ['seed'] },
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
