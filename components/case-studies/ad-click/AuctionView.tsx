'use client';

import type { CandidateStatus } from '@/lib/auction';
import type { AdServeResult } from './ad-protocol';
import styles from './ad.module.css';

const pct = (p: number) => `${(100 * p).toFixed(2)}%`;
const usd = (x: number, d = 2) => `$${x.toFixed(d)}`;

const STATUS: Record<CandidateStatus, string> = {
  won: 'won',
  outbid: 'outbid',
  'below-reserve': 'below reserve',
  'out-of-budget': 'out of budget',
  'same-advertiser': 'same advertiser',
  invalid: 'invalid',
};

/** Why an ad lost, in words: the ad above it in eCPM, the reserve, the budget or its advertiser. */
function whyLost(r: AdServeResult, status: CandidateStatus, reason: string): string {
  if (status !== 'outbid') return reason;
  const last = r.auction.winners.at(-1);
  return last
    ? `eCPM below the last winner's ${usd(last.candidate.ecpm)} (all ${r.auction.winners.length} slots taken)`
    : 'no slot';
}

/** The candidates in eCPM order, with targeting, pCTRs, bid, eCPM and what the auction did. */
export function CandidateTable({ result }: { result: AdServeResult }) {
  const byAd = new Map(result.candidates.map((c) => [String(c.ad), c]));
  return (
    // A scrolling box must be reachable by keyboard to be scrolled without a mouse.
    <div
      className={styles.tableScroll}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label="Candidate ads"
    >
      <table className={styles.table} data-testid="candidates-table">
        <caption className={styles.muted} style={{ textAlign: 'left' }}>
          {result.targeted} ads passed targeting (launched, targets this user, budget left);
          retrieval kept {result.candidates.length}. Ranked by eCPM = 1000 × bid × calibrated pCTR.
        </caption>
        <thead>
          <tr>
            <th scope="col">Ad</th>
            <th scope="col">Category · format</th>
            <th scope="col" className={styles.num}>
              pCTR raw
            </th>
            <th scope="col" className={styles.num}>
              pCTR calibrated
            </th>
            <th scope="col" className={styles.num}>
              Bid
            </th>
            <th scope="col" className={styles.num}>
              eCPM
            </th>
            <th scope="col">Auction</th>
          </tr>
        </thead>
        <tbody>
          {result.auction.ranked.map((c) => {
            const cand = byAd.get(c.id);
            const ad = result.ads[Number(c.id)];
            return (
              <tr key={c.id} className={c.status === 'won' ? styles.won : undefined}>
                <th scope="row">{c.id}</th>
                <td>
                  {ad ? `${ad.category} · ${ad.format}` : '?'} (adv. {c.advertiser})
                </td>
                <td className={styles.num}>{cand ? pct(cand.pRaw) : '—'}</td>
                <td className={styles.num}>{pct(c.pCtr)}</td>
                <td className={styles.num}>{usd(c.bid)}</td>
                <td className={styles.num}>{Number.isFinite(c.ecpm) ? usd(c.ecpm) : '—'}</td>
                <td>
                  <strong>{STATUS[c.status]}</strong>
                  {c.status !== 'won' && (
                    <span className={styles.muted}> — {whyLost(result, c.status, c.reason)}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The feed with the winners in their ad slots and the price each pays per click. */
export function FeedSlots({ result }: { result: AdServeResult }) {
  const winners = result.auction.winners;
  const last = winners.at(-1)?.feedPosition ?? 4;
  const at = new Map(winners.map((w) => [w.feedPosition, w]));
  return (
    <div>
      <ol className={styles.feed} data-testid="feed-slots" aria-label="The feed with its ad slots">
        {Array.from({ length: last + 1 }, (_, i) => i + 1).map((pos) => {
          const w = at.get(pos);
          if (!w)
            return (
              <li key={pos} className={styles.post}>
                Post {pos}: organic content
              </li>
            );
          const ad = result.ads[Number(w.candidate.id)];
          return (
            <li key={pos} className={styles.adSlot} data-testid="ad-slot">
              <strong>
                Ad slot {w.slot + 1} (post {pos}): ad {w.candidate.id}
              </strong>{' '}
              {ad ? `${ad.category} · ${ad.format}` : ''}
              <br />
              pays <strong data-testid="price">{usd(w.pricePerClick, 3)}</strong> per click (bid{' '}
              {usd(w.candidate.bid)}, {result.auction.rule}-price), pCTR {pct(w.candidate.pCtr)},
              expected revenue {usd(1000 * w.expectedRevenue)} per 1000 requests
            </li>
          );
        })}
      </ol>
      {winners.length === 0 && (
        <p className={styles.emptySlot} data-testid="no-winner">
          No ad won: every candidate was below the reserve of {usd(result.auction.reserve)} or had
          no budget. The slots show organic posts.
        </p>
      )}
      <p className={styles.muted} data-testid="revenue">
        Expected revenue of this request: {usd(1000 * result.auction.expectedRevenue)} per 1000 such
        requests.
      </p>
    </div>
  );
}
