'use client';

import { useId, useMemo, useState } from 'react';
import { LineChart } from '@/components/charts/LineChart';
import { runAuction, type AuctionCandidate, type PriceRule } from '@/lib/auction';
import styles from './widgets.module.css';

const START: AuctionCandidate[] = [
  { id: 'Insurance quote', bid: 2.4, pCtr: 0.008, advertiser: 'SafeHome' },
  { id: 'Running shoes', bid: 0.9, pCtr: 0.031, advertiser: 'Stride' },
  { id: 'Phone game', bid: 0.35, pCtr: 0.052, advertiser: 'Pixel' },
  { id: 'Travel deal', bid: 1.2, pCtr: 0.017, advertiser: 'Jetaway' },
  { id: 'Credit card', bid: 3.1, pCtr: 0.004, advertiser: 'Northbank' },
  { id: 'Meal kit', bid: 0.6, pCtr: 0.024, advertiser: 'Fresh' },
];

const money = (x: number) => (Number.isFinite(x) ? `$${x.toFixed(2)}` : '—');
const STATUS: Record<string, string> = {
  won: 'won',
  outbid: 'outbid',
  'below-reserve': 'below reserve',
  'out-of-budget': 'out of budget',
  'same-advertiser': 'same advertiser',
  invalid: 'invalid',
};

/** Parses a number field; bad input keeps the field's text and marks it, never crashes. */
function parse(text: string): number {
  const v = Number(text.replace(',', '.'));
  return text.trim() === '' ? NaN : v;
}

/**
 * A feed ad auction to play with: edit bids and predicted CTRs, move the reserve, switch between
 * second and first price and the number of slots; see eCPM, who wins which slot and what each
 * winner pays per click, and how expected revenue per request moves with the reserve.
 */
export function AdAuction() {
  const [text, setText] = useState(() =>
    START.map((c) => ({ bid: String(c.bid), pCtr: String(c.pCtr) })),
  );
  const [reserve, setReserve] = useState(0.3);
  const [rule, setRule] = useState<PriceRule>('second');
  const [slots, setSlots] = useState(2);
  const ids = { reserve: useId(), slots: useId(), rule: useId() };
  const candidates: AuctionCandidate[] = START.map((c, i) => ({
    ...c,
    bid: parse(text[i]!.bid),
    pCtr: parse(text[i]!.pCtr),
  }));
  const result = runAuction(candidates, { slots, reserve, rule });
  const winners = new Map(result.winners.map((w) => [w.candidate.id, w]));

  // Expected revenue per thousand requests as the reserve sweeps, under both rules.
  const sweep = useMemo(() => {
    const xs = Array.from({ length: 61 }, (_, k) => k * 0.05);
    const rev = (r: PriceRule) =>
      xs.map((x) => 1000 * runAuction(candidates, { slots, reserve: x, rule: r }).expectedRevenue);
    return { xs, second: rev('second'), first: rev('first') };
    // candidates are rebuilt from text every render; text is the real dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, slots]);
  const here = 1000 * result.expectedRevenue;

  const update = (i: number, field: 'bid' | 'pCtr', value: string) =>
    setText((t) => t.map((row, k) => (k === i ? { ...row, [field]: value } : row)));

  return (
    <div className={styles.explorer} data-testid="ad-auction">
      <div className={styles.controls}>
        <label htmlFor={ids.reserve}>
          <span>
            Reserve price <strong>{money(reserve)}</strong> per click
          </span>
          <input
            id={ids.reserve}
            type="range"
            min={0}
            max={3}
            step={0.05}
            value={reserve}
            onChange={(e) => setReserve(Number(e.target.value))}
            data-testid="reserve"
          />
        </label>
        <fieldset className={styles.fieldset}>
          <legend>Price rule</legend>
          {(['second', 'first'] as const).map((r) => (
            <label key={r} className={styles.inline}>
              <input
                type="radio"
                name={ids.rule}
                value={r}
                checked={rule === r}
                onChange={() => setRule(r)}
                data-testid={`rule-${r}`}
              />
              {r === 'second' ? 'Second price (GSP)' : 'First price'}
            </label>
          ))}
        </fieldset>
        <label htmlFor={ids.slots}>
          <span>Ad slots in the feed</span>
          <select id={ids.slots} value={slots} onChange={(e) => setSlots(Number(e.target.value))}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className={styles.confusion}>
        <caption className="visually-hidden">Candidates ranked by eCPM</caption>
        <thead>
          <tr>
            <th scope="col">Ad</th>
            <th scope="col">Bid per click</th>
            <th scope="col">pCTR</th>
            <th scope="col">eCPM</th>
            <th scope="col">Outcome</th>
            <th scope="col">Pays per click</th>
          </tr>
        </thead>
        <tbody aria-live="polite">
          {result.ranked.map((c) => {
            const i = START.findIndex((s) => s.id === c.id);
            const w = winners.get(c.id);
            return (
              <tr key={c.id} data-testid={`candidate-${i}`}>
                <th scope="row">{c.id}</th>
                <td>
                  <input
                    className={styles.numberInput}
                    inputMode="decimal"
                    aria-label={`Bid of ${c.id}, dollars per click`}
                    aria-invalid={c.status === 'invalid' && !Number.isFinite(c.bid)}
                    value={text[i]!.bid}
                    onChange={(e) => update(i, 'bid', e.target.value)}
                  />
                </td>
                <td>
                  <input
                    className={styles.numberInput}
                    inputMode="decimal"
                    aria-label={`Predicted CTR of ${c.id}`}
                    aria-invalid={c.status === 'invalid'}
                    value={text[i]!.pCtr}
                    onChange={(e) => update(i, 'pCtr', e.target.value)}
                  />
                </td>
                <td>{money(c.ecpm)}</td>
                <td className={w ? styles.won : undefined} data-testid={`status-${i}`}>
                  {w ? `slot ${w.slot + 1} (post ${w.feedPosition})` : STATUS[c.status]}
                  {c.reason && <span className={styles.muted}> — {c.reason}</span>}
                </td>
                <td data-testid={`price-${i}`}>{w ? money(w.pricePerClick) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p data-testid="auction-revenue">
        Expected revenue: <strong>{money(here)}</strong> per thousand requests (
        {rule === 'second' ? 'second' : 'first'} price, reserve {money(reserve)}).
      </p>
      <LineChart
        title="Expected revenue per thousand requests as the reserve rises"
        summary={`At reserve ${money(reserve)}: ${money(here)} per thousand requests under ${rule} price. Second price peaks at ${money(Math.max(...sweep.second))}, first price at ${money(Math.max(...sweep.first))} (bids held fixed; real bidders shade first-price bids).`}
        series={[
          { label: 'Second price', x: sweep.xs, y: sweep.second },
          { label: 'First price (same bids)', x: sweep.xs, y: sweep.first, dashed: true },
          { label: 'Now', x: [reserve], y: [here], points: true },
        ]}
        xLabel="Reserve price per click ($)"
        yLabel="$ per 1,000 requests"
        height={220}
        testId="auction-chart"
      />
      <p className={styles.muted}>
        eCPM = 1000 × bid × pCTR ranks the ads. Under second price each winner pays the least bid
        that keeps its rank: the next ad’s eCPM ÷ (1000 × its own pCTR), never below the reserve.
        First price charges the bid — with bids held fixed it earns more, but bidders facing first
        price lower their bids.
      </p>
    </div>
  );
}
