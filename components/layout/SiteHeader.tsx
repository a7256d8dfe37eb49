import Link from 'next/link';
import { SearchButton } from '@/components/search/SearchButton';
import { ThemeToggle } from '@/components/theme/ThemeToggle';
import styles from './layout.module.css';

export function SiteHeader() {
  return (
    <header className={styles.header}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className={styles.headerInner}>
        <Link href="/" className={styles.brand}>
          <span className={styles.logo} aria-hidden="true">
            ◆
          </span>
          <span className={styles.brandText}>MLSD Lab</span>
        </Link>
        <nav aria-label="Main" className={styles.mainNav}>
          <Link href="/learn/">Learn</Link>
          <Link href="/cases/">
            <span className={styles.longLabel}>Case studies</span>
            <span className={styles.shortLabel}>Cases</span>
          </Link>
          <Link href="/practice/" className={styles.wideOnly}>
            Practice
          </Link>
          <Link href="/mock/">
            Mock<span className={styles.longLabel}> interview</span>
          </Link>
          <Link href="/progress/">Progress</Link>
          <Link href="/diagrams/" className={styles.wideOnly}>
            Diagrams
          </Link>
        </nav>
        <div className={styles.headerTools}>
          <SearchButton />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
