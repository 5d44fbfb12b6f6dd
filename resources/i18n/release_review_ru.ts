<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name />
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>The database goes back to the chosen copy. Its current content is backed up first, so this can be undone by restoring that copy.</source>
        <translation>База данных вернётся к выбранной копии. Её текущее содержимое сначала сохраняется в резервную копию, поэтому восстановление можно отменить, восстановив эту копию.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Создать резервную копию</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>База данных повреждена</translation>
    </message>
    <message>
        <source>The check of this database found damage:
{0}

Restore it from a backup now? Nothing is changed unless you choose a backup.</source>
        <translation>Проверка базы данных обнаружила повреждение:
{0}

Восстановить её из резервной копии сейчас? Ничего не изменится, пока вы не выберете копию.</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>Резервная копия сохранена: {0}</translation>
    </message>
    <message>
        <source>Wait for the running work to finish first.</source>
        <translation>Сначала дождитесь окончания текущей работы.</translation>
    </message>
    <message>
        <source>Restored from {0}</source>
        <translation>Восстановлено из {0}</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>О программе %1</translation>
    </message>
    <message>
        <source>Review multilingual press releases: import, read, tag entities and events, confirm versions in other languages, export.</source>
        <translation>Работа с многоязычными пресс-релизами: импорт, чтение, разметка сущностей и событий, подтверждение версий на других языках, экспорт.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>Свободное программное обеспечение под лицензией MIT.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Компоненты</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Скопировать сведения</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Открыть папку журналов</translation>
    </message>
</context>
<context>
    <name>AppExtras</name>
    <message>
        <source>The demo corpus is not installed.</source>
        <translation>Демонстрационный корпус не установлен.</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Try the &amp;demo corpus</source>
        <translation>Попробовать &amp;демонстрационный корпус</translation>
    </message>
    <message>
        <source>&amp;Welcome screen…</source>
        <translation>&amp;Экран приветствия…</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Релиз</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Наше</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Их</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to team server</source>
        <translation>Подключение к командному серверу</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>Запомнить пароль в системном хранилище ключей</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>По&amp;льзователь:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>The password is never written to the settings file.</source>
        <translation>Пароль никогда не записывается в файл настроек.</translation>
    </message>
    <message>
        <source>No system keyring is available: the password is asked each time and never written to disk.</source>
        <translation>Системное хранилище ключей недоступно: пароль запрашивается каждый раз и никогда не записывается на диск.</translation>
    </message>
    <message>
        <source>Enter the server's host name or address.</source>
        <translation>Введите имя или адрес сервера.</translation>
    </message>
    <message>
        <source>The host name cannot contain spaces or / @ ? #.</source>
        <translation>Имя сервера не может содержать пробелы и символы / @ ? #.</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>Введите имя базы данных на сервере.</translation>
    </message>
    <message>
        <source>Enter your user name on the server.</source>
        <translation>Введите имя пользователя на сервере.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Проверка</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>&amp;Разметка</translation>
    </message>
</context>
<context>
    <name>PairStatus</name>
    <message>
        <source>candidate</source>
        <translation>кандидат</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждено</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонено</translation>
    </message>
</context>
<context>
    <name>PairTableModel</name>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Release A</source>
        <translation>Релиз A</translation>
    </message>
    <message>
        <source>Release B</source>
        <translation>Релиз B</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Обоснование</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>exact copy</source>
        <translation>точная копия</translation>
    </message>
    <message>
        <source>near-duplicate</source>
        <translation>почти дубликат</translation>
    </message>
    <message>
        <source>other language</source>
        <translation>другой язык</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Same as the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлое</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмное</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Новый язык будет применён при следующем запуске.</translation>
    </message>
    <message>
        <source>Recorded with your review work</source>
        <translation>Сохраняется вместе с вашей работой</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Оформление:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Ваше имя:</translation>
    </message>
</context>
<context>
    <name>ReleaseTableModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Lang</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Dups</source>
        <translation>Дубл.</translation>
    </message>
</context>
<context>
    <name>ReviewStatus</name>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>пропущен</translation>
    </message>
</context>
<context>
    <name>TagsModel</name>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>Позиции</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to %1</source>
        <translation>Добро пожаловать в %1</translation>
    </message>
    <message>
        <source>This database is empty. Every change you make is saved at once; there is no Save button to forget.</source>
        <translation>Эта база данных пуста. Каждое изменение сохраняется сразу — не нужно помнить о кнопке «Сохранить».</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Импортировать папку…</translation>
    </message>
    <message>
        <source>Add the press releases in a folder and its sub-folders (text, HTML, JSONL, CSV).</source>
        <translation>Добавить пресс-релизы из папки и её подпапок (текст, HTML, JSONL, CSV).</translation>
    </message>
    <message>
        <source>Open a database…</source>
        <translation>Открыть базу данных…</translation>
    </message>
    <message>
        <source>Continue with a Release Review database file you already have.</source>
        <translation>Продолжить работу с уже существующим файлом базы данных Release Review.</translation>
    </message>
    <message>
        <source>Try the demo corpus</source>
        <translation>Попробовать демонстрационный корпус</translation>
    </message>
    <message>
        <source>Import a few sample releases in French, Azerbaijani, Russian and English, with translations and re-posts to find.</source>
        <translation>Импортировать несколько примеров релизов на французском, азербайджанском, русском и английском языках — с переводами и перепечатками, которые предстоит найти.</translation>
    </message>
    <message>
        <source>e.g. Leyla Mammadova</source>
        <translation>например, Лейла Мамедова</translation>
    </message>
    <message>
        <source>Your name (recorded with your review work):</source>
        <translation>Ваше имя (сохраняется вместе с вашей работой):</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>Начать с пустой базы данных</translation>
    </message>
</context>
</TS>
