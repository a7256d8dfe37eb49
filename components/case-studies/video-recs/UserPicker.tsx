import type { FeedUser } from '@/case-studies/video-recs/pipeline';
import { DEFAULT_NEW_USER } from '@/case-studies/video-recs/url-state';
import { GENRES, LANGUAGES, UNKNOWN_GENRE } from '@/case-studies/video-recs/world';
import type { SuggestedUser } from './feed-protocol';
import styles from './video.module.css';

/** Whose feed: a user of the world (by id, or one of a few with history), or a new user. */
export function UserPicker({
  user,
  users,
  suggested,
  onChange,
}: {
  user: FeedUser;
  users: number;
  suggested: readonly SuggestedUser[];
  onChange: (u: FeedUser) => void;
}) {
  const known = user.kind === 'known';
  return (
    <div className={styles.row}>
      <fieldset className={styles.fieldset}>
        <legend>User</legend>
        <label>
          <input
            type="radio"
            name="user-kind"
            checked={known}
            onChange={() => onChange({ kind: 'known', user: suggested[0]?.id ?? 0 })}
          />{' '}
          existing user
        </label>
        <label>
          <input
            type="radio"
            name="user-kind"
            checked={!known}
            data-testid="new-user"
            onChange={() => onChange(DEFAULT_NEW_USER)}
          />{' '}
          new user (cold start)
        </label>
      </fieldset>
      {user.kind === 'known' ? (
        <>
          <label className={styles.field}>
            <span>User id (0–{users - 1})</span>
            <input
              type="number"
              min={0}
              max={users - 1}
              value={user.user}
              data-testid="user-id"
              onChange={(e) => {
                const v = Number(e.target.value);
                if (Number.isInteger(v) && v >= 0 && v < users)
                  onChange({ kind: 'known', user: v });
              }}
            />
          </label>
          <label className={styles.field}>
            <span>Users with history</span>
            <select
              value={suggested.some((s) => s.id === user.user) ? user.user : ''}
              onChange={(e) => onChange({ kind: 'known', user: Number(e.target.value) })}
            >
              <option value="" disabled>
                pick one…
              </option>
              {suggested.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.id}: {s.watches} watches, {s.language}, {s.country}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : (
        <>
          <fieldset className={styles.fieldset} data-testid="interests">
            <legend>Interests</legend>
            {GENRES.slice(0, UNKNOWN_GENRE).map((g, i) => (
              <label key={g}>
                <input
                  type="checkbox"
                  checked={user.interests.includes(i)}
                  onChange={(e) => {
                    const next = e.target.checked
                      ? [...user.interests, i]
                      : user.interests.filter((x) => x !== i);
                    if (next.length > 0) onChange({ ...user, interests: next });
                  }}
                />{' '}
                {g}
              </label>
            ))}
          </fieldset>
          <label className={styles.field}>
            <span>Language</span>
            <select
              value={user.language}
              onChange={(e) => onChange({ ...user, language: Number(e.target.value) })}
            >
              {LANGUAGES.map((l, i) => (
                <option key={l} value={i}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </div>
  );
}
