import Link from 'next/link';
import styles from './layout.module.css';

/** Every section once more, including the ones the header leaves out on small screens. */
export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      <div className={styles.footerInner}>
        <nav aria-label="Site">
          <ul>
            <li>
              <Link href="/learn/">Lessons</Link>
            </li>
            <li>
              <Link href="/cases/">Case studies</Link>
            </li>
            <li>
              <Link href="/practice/">Practice</Link>
            </li>
            <li>
              <Link href="/review/">Review</Link>
            </li>
            <li>
              <Link href="/mock/">Mock interview</Link>
            </li>
            <li>
              <Link href="/progress/">Progress</Link>
            </li>
            <li>
              <Link href="/diagrams/">Diagrams</Link>
            </li>
            <li>
              <Link href="/lab/engine/">Engine room</Link>
            </li>
          </ul>
        </nav>
        <p>Everything runs in your browser; your work is saved in this browser only.</p>
      </div>
    </footer>
  );
}
